import CZlib
import Foundation

/// A gzip file written in pieces (zlib's gz interface, level 1: the history's
/// copy of the JSON is written beside the JSON on the same worker). The header
/// carries no time, so the same bytes give the same file.
final class GzipFile: @unchecked Sendable {
  private var file: gzFile?
  let path: String

  init(path: String) throws(History.Failure) {
    self.path = path
    file = gzopen(path, "wb1")
    guard file != nil else { throw .unwritable(path: path, code: errno == 0 ? EIO : errno) }
  }

  func write(_ buf: UnsafeRawBufferPointer) throws(History.Failure) {
    guard let file, let base = buf.baseAddress, buf.count > 0 else { return }
    var offset = 0
    while offset < buf.count {
      let n = min(buf.count - offset, 1 << 30)
      guard gzwrite(file, base + offset, UInt32(n)) == Int32(n) else {
        throw .unwritable(path: path, code: errno == 0 ? EIO : errno)
      }
      offset += n
    }
  }

  /// Ends the stream and makes it durable.
  func close() throws(History.Failure) {
    guard let f = file else { return }
    file = nil
    guard gzclose(f) == Z_OK else { throw .unwritable(path: path, code: errno == 0 ? EIO : errno) }
    let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
    defer { if fd >= 0 { Foundation.close(fd) } }
    guard fd >= 0, fsync(fd) == 0 else { throw .unwritable(path: path, code: errno) }
  }

  deinit { if let file { gzclose(file) } }

  /// The whole decompressed content of `path`, nil when it cannot be read.
  static func read(_ path: String) -> Data? {
    guard let f = gzopen(path, "rb") else { return nil }
    defer { gzclose(f) }
    var out = Data()
    var buf = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buf.withUnsafeMutableBytes { gzread(f, $0.baseAddress, UInt32($0.count)) }
      if n < 0 { return nil }
      if n == 0 { return out }
      out.append(contentsOf: buf[0..<Int(n)])
    }
  }
}
