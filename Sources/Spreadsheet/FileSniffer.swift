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
  /// device or an unreadable file is a typed error, never a trap or a wait.
  public static func sniff(path: String) throws -> SniffedKind {
    try sniff(ReadableFile(path: path))
  }

  public static func sniff(_ file: ReadableFile) throws -> SniffedKind {
    let head = try file.bytes(at: 0, count: 8)
    if head.isEmpty { return .empty }
    if head.starts(with: zipMagic) { return .zip }
    if head == cfbMagic {
      // The directory of a CFB names its streams in UTF-16LE; an encrypted OOXML
      // package has one called "EncryptionInfo". Look for it in the first MiB.
      let body = try file.bytes(at: 0, count: 1 << 20)
      let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      return Data(body).range(of: Data(needle)) != nil ? .cfbEncrypted : .cfbOther
    }
    return .other
  }

  public static func isDelimitedTextName(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    return ext == "csv" || ext == "tsv" || ext == "txt"
  }
}
