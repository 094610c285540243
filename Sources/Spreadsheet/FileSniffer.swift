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

  public static func sniff(path: String) throws -> SniffedKind {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ReadError.io(path: path, errno: errno)
    }
    defer { try? handle.close() }
    let head = [UInt8](handle.readData(ofLength: 8))
    if head.isEmpty { return .empty }
    if head.starts(with: zipMagic) { return .zip }
    if head == cfbMagic {
      // The directory of a CFB names its streams in UTF-16LE; an encrypted OOXML
      // package has one called "EncryptionInfo". Look for it in the first MiB.
      try? handle.seek(toOffset: 0)
      let body = handle.readData(ofLength: 1 << 20)
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
