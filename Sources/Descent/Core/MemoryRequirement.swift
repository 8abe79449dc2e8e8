import Foundation

/// Sizes a user controls (a dimension, Csawg's horizon, L-BFGS's memory), checked
/// against the machine before anything is allocated.
package enum MemoryRequirement {
  /// Vectors of d numbers a run keeps besides the method's state: the start, the
  /// iterate, the driver's two copies and its best, and the observer's gradient.
  package static var runVectors: Int { 6 }

  /// The machine's physical memory in bytes.
  package static var available: Int {
    Int(clamping: ProcessInfo.processInfo.physicalMemory)
  }

  /// `a·b` scalars, or nil when that overflows `Int`.
  package static func product(_ a: Int, _ b: Int) -> Int? {
    let (result, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : result
  }

  /// `a + b`, or nil when that overflows `Int`.
  package static func sum(_ a: Int?, _ b: Int?) -> Int? {
    guard let a, let b else { return nil }
    let (result, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : result
  }

  /// `bytes` in the largest binary unit that keeps it at least 1, e.g. "29.8 GiB".
  package static func describe(bytes: Double) -> String {
    var value = bytes
    var unit = 0
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(Int(value)) bytes" : "\((value * 10).rounded() / 10) \(units[unit])"
  }
}

extension DescentError {
  /// Throws unless `count` numbers of `S` fit in the machine's memory. `name` and
  /// `value` are the setting that makes the state this large; `what` says what the
  /// count is, e.g. "2K·d + 4d numbers at d = 2". A nil count overflowed `Int`.
  package static func requireMemory<S: DescentFloat>(
    _ count: Int?, of _: S.Type, name: String, value: some CustomStringConvertible, what: String
  ) throws(DescentError) {
    let size = MemoryLayout<S>.size
    let have = MemoryRequirement.describe(bytes: Double(MemoryRequirement.available))
    guard let count else {
      throw .invalidValue(
        name: name, value: value.description,
        expected: "a size that fits in memory: \(what) are more than an Int counts")
    }
    guard let bytes = MemoryRequirement.product(count, size) else {
      let needed = MemoryRequirement.describe(bytes: Double(count) * Double(size))
      throw .invalidValue(
        name: name, value: value.description,
        expected: "a size that fits in memory: \(what) take \(needed); this machine has \(have)")
    }
    guard bytes <= MemoryRequirement.available else {
      throw .invalidValue(
        name: name, value: value.description,
        expected: "a size that fits in memory: \(what) take \(MemoryRequirement.describe(bytes: Double(bytes))); "
          + "this machine has \(have)")
    }
  }
}
