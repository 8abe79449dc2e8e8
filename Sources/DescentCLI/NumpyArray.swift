/// A two-dimensional array of float64 in numpy's `.npy` format (version 1.0), which
/// `numpy.load` reads directly: a magic string, a header naming the type and shape,
/// padded to 64 bytes, then the numbers row by row, little-endian.
enum NumpyArray {
  static func bytes(rows: [[Double]]) -> [UInt8] {
    let columns = rows.first?.count ?? 0
    var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(rows.count), \(columns)), }"
    // Magic (6) + version (2) + length (2) + header, ending in a newline, to a multiple of 64.
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    let length = UInt16(header.utf8.count)
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
    bytes += Array(header.utf8)
    bytes.reserveCapacity(bytes.count + 8 * rows.count * columns)
    for row in rows {
      for value in row { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
    }
    return bytes
  }
}
