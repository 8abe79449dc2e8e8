import Foundation

/// Sizes a user controls (a dimension, Csawg's horizon, L-BFGS's memory), checked
/// against the machine before anything is allocated.
package enum MemoryRequirement {
  /// Vectors of d numbers a run keeps besides the method's state: the start, the
  /// iterate, the driver's two copies and its best, and the observer's gradient.
  package static var runVectors: Int { 6 }

  /// The memory this process may still take, in bytes, and what sets it: the smallest
  /// of the memory available on the machine (`MemAvailable`), what the system lets an
  /// app allocate (on iOS and its kin), the process's limits on
  /// its address space and data (`RLIMIT_AS`, `RLIMIT_DATA`, less what it uses) and its
  /// control group's limit (less what the group uses), divided among the runs sharing
  /// it (``shares``).
  package static var available: (bytes: Int, limit: String) { available(sharedBy: shares) }

  /// ``available`` when `shares` runs share the process's memory.
  package static func available(sharedBy shares: Int) -> (bytes: Int, limit: String) {
    var smallest = (bytes: Int(clamping: ProcessInfo.processInfo.physicalMemory), limit: "the machine's memory")
    func consider(_ bytes: Int?, _ limit: String) {
      if let bytes, bytes < smallest.bytes { smallest = (max(0, bytes), limit) }
    }
    let status = procFields("/proc/self/status")
    consider(procFields("/proc/meminfo")["MemAvailable"], "the memory available on the machine")
    consider(Platform.appMemoryAllowance, "what the system lets this app allocate")
    for (resource, field, name) in [
      (Platform.MemoryLimit.addressSpace, "VmSize", "its address-space limit (ulimit -v)"),
      (.data, "VmData", "its data limit (ulimit -d)"),
    ] {
      guard let limit = Platform.softLimit(resource) else { continue }
      consider(limit - (status[field] ?? 0), name)
    }
    if let maximum = cgroupValue("memory.max") {
      consider(maximum - (cgroupValue("memory.current") ?? 0), "its control group's memory limit")
    }
    let shares = max(1, shares)
    return (smallest.bytes / shares, shares > 1 ? "\(smallest.limit), shared by \(shares) runs" : smallest.limit)
  }

  /// Runs sharing the process's memory (a sweep's jobs): each may take its share.
  nonisolated(unsafe) package static var shares = 1

  /// `Name: 1234 kB` lines of a /proc file, in bytes.
  private static func procFields(_ path: String) -> [String: Int] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
    var fields: [String: Int] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " })
      guard parts.count >= 3, parts[2] == "kB", let value = Int(parts[1]) else { continue }
      fields[String(parts[0])] = value.multipliedReportingOverflow(by: 1024).overflow ? .max : value * 1024
    }
    return fields
  }

  /// A number in this process's control group (cgroup v2), nil where there is none or it says "max".
  private static func cgroupValue(_ name: String) -> Int? {
    guard let membership = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8),
      let line = membership.split(separator: "\n").first(where: { $0.hasPrefix("0::") })
    else { return nil }
    let group = String(line.dropFirst(3))
    let text = try? String(contentsOfFile: "/sys/fs/cgroup\(group)/\(name)", encoding: .utf8)
    return text.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
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
    let available = MemoryRequirement.available
    let have = "this process may use \(MemoryRequirement.describe(bytes: Double(available.bytes))) (\(available.limit))"
    guard let count else {
      throw .invalidValue(
        name: name, value: value.description,
        expected: "a size that fits in memory: \(what) are more than an Int counts")
    }
    guard let bytes = MemoryRequirement.product(count, size), bytes <= available.bytes else {
      let needed = MemoryRequirement.describe(bytes: Double(count) * Double(size))
      throw .invalidValue(
        name: name, value: value.description, expected: "a size that fits in memory: \(what) take \(needed); \(have)")
    }
  }
}
