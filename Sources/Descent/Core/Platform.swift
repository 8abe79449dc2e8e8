import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every call to the C library whose name or types differ between C libraries, with a
/// branch for each: glibc, Musl, and Darwin (macOS, iOS). The Darwin branch is written
/// from Apple's headers (`sys/resource.h`, `unistd.h`) and is not run by CI.
package enum Platform {
  /// `write(2)`: the bytes written, or −1 with `errno` set.
  package static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
      Musl.write(descriptor, bytes, count)
    #elseif canImport(Darwin)
      Darwin.write(descriptor, bytes, count)
    #endif
  }

  /// A limit of `getrlimit(2)` on the process's memory.
  package enum MemoryLimit {
    /// `RLIMIT_AS` (`ulimit -v`).
    case addressSpace
    /// `RLIMIT_DATA` (`ulimit -d`).
    case data
  }

  /// The soft limit in bytes, or nil where there is none (or it cannot be read).
  package static func softLimit(_ limit: MemoryLimit) -> Int? {
    var value = rlimit()
    #if canImport(Glibc)
      let resource = __rlimit_resource_t((limit == .addressSpace ? RLIMIT_AS : RLIMIT_DATA).rawValue)
      let infinity = rlim_t.max  // RLIM_INFINITY: all ones
    #elseif canImport(Musl)
      let resource = limit == .addressSpace ? RLIMIT_AS : RLIMIT_DATA
      let infinity = rlim_t.max  // RLIM_INFINITY: all ones
    #elseif canImport(Darwin)
      let resource = limit == .addressSpace ? RLIMIT_AS : RLIMIT_DATA
      let infinity = (rlim_t(1) << 63) - 1  // RLIM_INFINITY, a cast macro Swift does not import
    #endif
    guard getrlimit(resource, &value) == 0, value.rlim_cur != infinity else { return nil }
    return Int(clamping: value.rlim_cur)
  }
}
