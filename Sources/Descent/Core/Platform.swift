import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
#if canImport(os) && (os(iOS) || os(tvOS) || os(watchOS) || os(visionOS))
  import os  // os_proc_available_memory
#endif

/// Every call the package makes to the operating system, in one place, with a branch
/// for each C library where their names or types differ: glibc, Musl and Darwin
/// (macOS, iOS). Elsewhere the package speaks of files, errors and limits in Swift's
/// terms. The Musl and Darwin branches are written from their headers
/// (`sys/resource.h`, `sys/stat.h`, `unistd.h`, `os/proc.h`) and are not run by CI;
/// `.ci/platform-check` fails when a C-library call or module appears outside this file.
package enum Platform {
  // MARK: Errors

  /// An `errno` value, described by `strerror`.
  package struct SystemError: Error, Equatable, CustomStringConvertible {
    package let code: Int32
    /// The error of the call that just failed.
    package static var last: SystemError { SystemError(code: errno) }
    package var description: String { String(cString: strerror(code)) }
    package var isInterrupted: Bool { code == EINTR }
    package var isMissing: Bool { code == ENOENT }
    /// A part of the path that should be a directory is not.
    package var isNotDirectory: Bool { code == ENOTDIR }
    package var alreadyExists: Bool { code == EEXIST }
    package var isHeldByAnother: Bool { code == EWOULDBLOCK }
    package var isClosedPipe: Bool { code == EPIPE }
  }

  // MARK: Files

  package enum FileKind: Sendable {
    case regular, directory, symbolicLink, device, fifo, socket, other
  }

  package struct FileStatus: Sendable {
    package var kind: FileKind
    package var size: Int
    /// The permission bits (`0o7777`).
    package var permissions: UInt32
  }

  /// What is at `path` (`stat`, or `lstat` when not `followingLinks`), or why nothing is.
  package static func status(of path: String, followingLinks: Bool = true) -> Result<FileStatus, SystemError> {
    var found = stat()
    guard (followingLinks ? stat(path, &found) : lstat(path, &found)) == 0 else { return .failure(.last) }
    let kind: FileKind
    switch found.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symbolicLink
    case S_IFCHR, S_IFBLK: kind = .device
    case S_IFIFO: kind = .fifo
    case S_IFSOCK: kind = .socket
    default: kind = .other
    }
    return .success(
      FileStatus(kind: kind, size: Int(found.st_size), permissions: UInt32(found.st_mode & 0o7777)))
  }

  /// A new file made from `template` (its last six characters `XXXXXX`), open for
  /// writing: its descriptor and path.
  package static func makeTemporaryFile(_ template: String) -> Result<(descriptor: Int32, path: String), SystemError> {
    var characters = Array(template.utf8CString)
    let descriptor = characters.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return .failure(.last) }
    let path = String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return .success((descriptor, path))
  }

  /// The permission bits a new file gets: `0o666` less the process's creation mask.
  package static var newFilePermissions: UInt32 {
    let mask = umask(0)
    umask(mask)
    return 0o666 & ~UInt32(mask)
  }

  package static func setPermissions(of descriptor: Int32, to permissions: UInt32) {
    _ = fchmod(descriptor, mode_t(permissions))
  }

  /// A descriptor for reading `path`, or −1.
  package static func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_CLOEXEC)
  }

  /// A descriptor for appending to `path` (created with `permissions` if missing, never
  /// through a symbolic link), or −1.
  package static func openForAppending(_ path: String, permissions: UInt32) -> Int32 {
    open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, mode_t(permissions))
  }

  /// `write(2)`: the bytes written, or −1 with the error in ``SystemError/last``.
  package static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
      Musl.write(descriptor, bytes, count)
    #elseif canImport(Darwin)
      Darwin.write(descriptor, bytes, count)
    #endif
  }

  /// `read(2)` into `buffer`: the bytes read, 0 at the end, or −1.
  package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    #if canImport(Glibc)
      Glibc.read(descriptor, buffer.baseAddress, buffer.count)
    #elseif canImport(Musl)
      Musl.read(descriptor, buffer.baseAddress, buffer.count)
    #elseif canImport(Darwin)
      Darwin.read(descriptor, buffer.baseAddress, buffer.count)
    #endif
  }

  /// The byte at `offset`, or nil.
  package static func byte(of descriptor: Int32, at offset: Int) -> UInt8? {
    var byte: UInt8 = 0
    return pread(descriptor, &byte, 1, off_t(offset)) == 1 ? byte : nil
  }

  /// The file's size, from its end; −1 on failure.
  package static func size(of descriptor: Int32) -> Int {
    Int(lseek(descriptor, 0, SEEK_END))
  }

  package static func truncate(_ descriptor: Int32, to size: Int) -> Bool {
    ftruncate(descriptor, off_t(size)) == 0
  }

  /// An exclusive advisory lock, without waiting (`flock`), which the kernel releases
  /// when the process ends, however it ends.
  package static func lockExclusively(_ descriptor: Int32) -> Bool {
    flock(descriptor, LOCK_EX | LOCK_NB) == 0
  }

  @discardableResult
  package static func close(_ descriptor: Int32) -> Bool {
    #if canImport(Glibc)
      Glibc.close(descriptor) == 0
    #elseif canImport(Musl)
      Musl.close(descriptor) == 0
    #elseif canImport(Darwin)
      Darwin.close(descriptor) == 0
    #endif
  }

  /// Renames `source` over `destination` in one step.
  package static func rename(_ source: String, to destination: String) -> Bool {
    #if canImport(Glibc)
      Glibc.rename(source, destination) == 0
    #elseif canImport(Musl)
      Musl.rename(source, destination) == 0
    #elseif canImport(Darwin)
      Darwin.rename(source, destination) == 0
    #endif
  }

  @discardableResult
  package static func remove(_ path: String) -> Bool {
    unlink(path) == 0
  }

  package static func makeDirectory(_ path: String) -> Bool {
    mkdir(path, 0o777) == 0
  }

  package static func isWritable(_ path: String) -> Bool {
    access(path, W_OK) == 0
  }

  // MARK: The process

  /// SIGINT and SIGTERM: the signals that interrupt a command.
  package static let interruptions: [Int32] = [SIGINT, SIGTERM]

  /// Leaves `number` to a dispatch source (or to nothing): the default action is off.
  package static func ignoreSignal(_ number: Int32) {
    _ = signal(number, SIG_IGN)
  }

  /// A write to a closed pipe fails with an error instead of ending the process.
  package static func ignoreBrokenPipes() {
    ignoreSignal(SIGPIPE)
  }

  /// Whether standard error is a terminal.
  package static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

  /// Flushes every C stream (`print` writes to one).
  package static func flushStandardStreams() -> SystemError? {
    fflush(nil) == 0 ? nil : .last
  }

  // MARK: Memory

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

  /// What the system lets this app allocate before it is ended, where the system says
  /// (`os_proc_available_memory`, iOS, tvOS, watchOS and visionOS, which end an app
  /// long before the device's memory is used); nil elsewhere.
  package static var appMemoryAllowance: Int? {
    #if canImport(Darwin) && (os(iOS) || os(tvOS) || os(watchOS) || os(visionOS))
      let bytes = os_proc_available_memory()
      return bytes > 0 ? Int(clamping: bytes) : nil
    #else
      return nil
    #endif
  }
}
