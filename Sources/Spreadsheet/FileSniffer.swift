import Foundation

/// What the first bytes of a file say it is.
public enum SniffedKind: Equatable, Sendable {
  case zip
  /// An OLE/CFB container holding `EncryptionInfo`: an encrypted OOXML workbook.
  case cfbEncrypted
  /// Any other OLE/CFB container: a legacy `.xls` workbook.
  case cfbOther
  case empty
  case other
}

public enum FileSniffer {
  static let zipMagic: [UInt8] = [0x50, 0x4B]
  static let cfbMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// Reads at most the first MiB with plain POSIX calls, so a directory, a
  /// device or an unreadable file is a typed `.io` error, never a trap.
  public static func sniff(path: String) throws -> SniffedKind {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw ReadError.io(path: path, errno: errno) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw ReadError.io(path: path, errno: errno) }
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      let code = (st.st_mode & S_IFMT) == S_IFDIR ? EISDIR : EINVAL
      throw ReadError.io(path: path, errno: code)
    }
    let head = try read(fd, count: 8, path: path)
    if head.isEmpty { return .empty }
    if head.starts(with: zipMagic) { return .zip }
    if head == cfbMagic {
      // The directory of a CFB names its streams in UTF-16LE; an encrypted OOXML
      // package has one called "EncryptionInfo". Look for it in the first MiB.
      let body = head + (try read(fd, count: (1 << 20) - 8, path: path))
      let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      return Data(body).range(of: Data(needle)) != nil ? .cfbEncrypted : .cfbOther
    }
    return .other
  }

  private static func read(_ fd: Int32, count: Int, path: String) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = out.withUnsafeMutableBytes { buf in
        Foundation.read(fd, buf.baseAddress! + filled, count - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw ReadError.io(path: path, errno: errno)
      }
      if n == 0 { break }
      filled += n
    }
    out.removeSubrange(filled...)
    return out
  }

  public static func isDelimitedTextName(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    return ext == "csv" || ext == "tsv" || ext == "txt"
  }
}
