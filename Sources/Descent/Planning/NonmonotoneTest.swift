/// The non-monotone acceptance test of the safeguarded planner and of Barzilai–Borwein
/// (GBB): a point is accepted when its value and gradient are finite and its value is
/// at most the largest of the last m + 1 accepted values (BB asks for a sufficient
/// decrease below it too), or, without a memory, of all of them (the start's level set,
/// as no accepted value exceeds the first). BB keeps its values in its own checkpoint's
/// field and calls the static ``remember(_:in:memory:)`` and ``reference(of:)``.
///
/// Grippo, L., Lampariello, F. and Lucidi, S. (1986). A nonmonotone line search
/// technique for Newton's method. SIAM J. Numer. Anal. 23(4).
@usableFromInline
struct NonmonotoneTest<Scalar: DescentFloat>: Codable, Sendable {
  /// m, or nil for every value.
  @usableFromInline private(set) var memory: Int?
  /// The last m + 1 accepted values, newest last (with a memory).
  @usableFromInline var recentValues: [Scalar] = []
  /// The largest accepted value.
  @usableFromInline var largestValue: Scalar?

  @usableFromInline
  init(memory: Int?) { self.memory = memory }

  /// What a landing point's value must not exceed; infinity before the first value.
  @inlinable
  var reference: Scalar {
    memory == nil ? largestValue ?? .infinity : Self.reference(of: recentValues)
  }

  /// The largest of `values`; infinity for none.
  @inlinable
  static func reference(of values: [Scalar]) -> Scalar { values.max() ?? .infinity }

  /// Appends an accepted value to the last m + 1, newest last.
  @inlinable
  static func remember(_ value: Scalar, in values: inout [Scalar], memory: Int) {
    values.append(value)
    if values.count > memory + 1 { values.removeFirst() }
  }

  /// Whether a trial value passes (a NaN never does).
  @inlinable
  func accepts(_ value: Scalar) -> Bool { value <= reference }

  /// Records an accepted value.
  @inlinable
  mutating func remember(_ value: Scalar) {
    largestValue = max(largestValue ?? value, value)
    guard let memory else { return }
    Self.remember(value, in: &recentValues, memory: memory)
  }

  /// Values it keeps: m + 1.
  @usableFromInline
  static func size(memory: Int?) -> Int? { MemoryRequirement.sum(memory ?? 0, 1) }

  @usableFromInline
  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    memory = try c.decodeIfPresent(Int.self, forKey: .memory)
    recentValues = try c.decode([Scalar].self, forKey: .recentValues)
    largestValue = try c.decodeIfPresent(Scalar.self, forKey: .largestValue)
    guard (memory ?? 0) >= 0, memory.map({ recentValues.count - 1 <= $0 }) ?? recentValues.isEmpty else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "more recent values than the memory \(memory ?? 0) keeps"))
    }
  }
}
