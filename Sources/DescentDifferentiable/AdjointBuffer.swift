// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent

  /// Where the pullbacks of a ``DifferentiableVector``'s or ``DifferentiableMatrix``'s
  /// operations add their part of the gradient: one buffer per array made in a forward
  /// pass, written in place.
  ///
  /// Swift's reverse mode adds tangents as values: the pullback of a read `w[i]` returns a
  /// whole tangent array, and in a loop the compiler copies the accumulated one at every
  /// iteration (swiftlang/swift#61773, still so in Swift 6.3), so each read costs O(d) even
  /// with an accessor whose pullback takes the tangent `inout`. Here a read's pullback adds
  /// one number to its array's buffer, O(1), and the arrays' own tangent vectors carry
  /// nothing. The buffer is allocated, as zeros, by the first addition, so arrays no
  /// gradient reaches (data) cost nothing in the backward pass.
  @usableFromInline
  final class AdjointBuffer<Scalar: DescentFloat>: @unchecked Sendable {
    @usableFromInline let count: Int
    @usableFromInline var storage: UnsafeMutablePointer<Scalar>?
    /// False where the adjoints go straight into memory of the caller's (an optimizer's
    /// gradient vector), which outlives every pullback that writes it.
    @usableFromInline var ownsStorage = true

    @usableFromInline
    init(count: Int) { self.count = count }

    /// Adjoints added into `memory`, which is zeroed first.
    @usableFromInline
    init(count: Int, into memory: UnsafeMutablePointer<Scalar>) {
      self.count = count
      memory.update(repeating: 0, count: count)
      (storage, ownsStorage) = (memory, false)
    }

    deinit { if ownsStorage { storage?.deallocate() } }

    /// The adjoints, made zeros on first use.
    @inlinable
    var adjoints: UnsafeMutablePointer<Scalar> {
      if let storage { return storage }
      let made = UnsafeMutablePointer<Scalar>.allocate(capacity: max(count, 1))
      made.initialize(repeating: 0, count: max(count, 1))
      storage = made
      return made
    }

    @inlinable
    func add(_ value: Scalar, at index: Int) { adjoints[index] += value }

    /// The adjoint at `index`, leaving zero there: what a write hands to the value written.
    @inlinable
    func take(at index: Int) -> Scalar {
      guard let storage else { return 0 }
      let value = storage[index]
      storage[index] = 0
      return value
    }

    /// Adds every adjoint into `other` (an array this one was copied from).
    @inlinable
    func add(into other: AdjointBuffer) {
      guard let storage else { return }
      let target = other.adjoints
      for i in 0..<count { target[i] += storage[i] }
    }

    /// The adjoints as an array (zeros where none arrived).
    @inlinable
    var array: [Scalar] {
      guard let storage else { return [Scalar](repeating: 0, count: count) }
      return Array(UnsafeBufferPointer(start: storage, count: count))
    }
  }

  /// Held by each copy of an array value and by nothing else, so that a write can tell
  /// whether its array is shared (`isKnownUniquelyReferenced`): a shared array gets a
  /// buffer of its own before it is written, as its elements get storage of their own.
  @usableFromInline
  final class ArrayIdentity: Sendable {
    @usableFromInline init() {}
  }
#endif
