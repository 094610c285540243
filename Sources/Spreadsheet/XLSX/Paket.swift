import Foundation

/// A zip of workbooks (a "paket arsitektur", as portals and e-mail hand them
/// round), read as if its members were in a folder named after the zip. The
/// archive is read by `ZipArchive`, so a member is bound by the same part size
/// and compression ratio limits as any part of a workbook; a member is never
/// extracted by its name, only into an unnamed temporary file.
public final class Paket {
  public enum Kind: Sendable, Equatable {
    /// Read like any input file (a file that is no spreadsheet is said so by its reader).
    case file
    /// A zip inside the zip: never opened.
    case nestedZip
    /// A name that climbs out of the zip (`..`) or repeats an earlier member's.
    case unsafeName
  }

  public struct Member: Sendable {
    /// `/`-separated, relative to the zip.
    public let name: String
    public let kind: Kind
    let entry: Int
  }

  /// The members in byte order of their names, folders, hidden entries and
  /// office lock files left out (as in a folder of inputs).
  public private(set) var members: [Member] = []
  private let zip: ZipArchive
  private let limits: ReadLimits

  static let spreadsheetExtensions: Set<String> = [
    "xlsx", "xlsm", "csv", "tsv", "xls", "xlsb", "ods", "numbers",
  ]

  private init(zip: ZipArchive, limits: ReadLimits) {
    self.zip = zip
    self.limits = limits
    var seen = Set<String>()
    var found: [Member] = []
    for (i, name) in zip.names.enumerated() where !name.isEmpty && !name.hasSuffix("/") {
      let segments = name.split(separator: "/", omittingEmptySubsequences: false)
      if segments.contains(where: { $0.hasPrefix(".") && $0 != ".." || $0.hasPrefix("~$") })
        || segments.first == "__MACOSX"
      {
        continue
      }
      let kind: Kind
      if segments.contains(where: { $0 == ".." || $0.isEmpty }) || !seen.insert(name).inserted {
        kind = .unsafeName
      } else if (name as NSString).pathExtension.lowercased() == "zip" {
        kind = .nestedZip
      } else {
        kind = .file
      }
      found.append(Member(name: name, kind: kind, entry: i))
    }
    members = found.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
  }

  /// The paket `file` is, or nil when it is something else: not a zip, or a
  /// zip that is a package of its own (OPC content types or relationships, a
  /// workbook part, an ODF mimetype), or one naming no spreadsheet. A damaged
  /// zip is an error only when its name says zip; otherwise the workbook
  /// reader says what is wrong with it.
  public static func open(_ file: ReadableFile, limits: ReadLimits = ReadLimits()) throws
    -> Paket?
  {
    guard try FileSniffer.sniff(file) == .zip else { return nil }
    let zip: ZipArchive
    do {
      zip = try ZipArchive(file: file)
    } catch {
      if (file.path as NSString).pathExtension.lowercased() == "zip" { throw error }
      return nil
    }
    for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "mimetype"]
    where zip.entry(part) != nil {
      return nil
    }
    let paket = Paket(zip: zip, limits: limits)
    let holdsSpreadsheet = paket.members.contains {
      $0.kind == .file
        && spreadsheetExtensions.contains(($0.name as NSString).pathExtension.lowercased())
    }
    return holdsSpreadsheet ? paket : nil
  }

  /// The member's bytes in an unlinked temporary file (its size bounded by the
  /// part size limit as it is inflated), opened as `path`.
  public func read(_ member: Member, as path: String) throws -> ReadableFile {
    var template = Array((NSTemporaryDirectory() + "/pipeline-paket-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw ReadError.io(path: path, errno: errno) }
    // Nameless from the start: nothing is left behind, whatever happens next.
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    do {
      try zip.read(member.entry, part: member.name, limits: limits) { chunk in
        var offset = 0
        while offset < chunk.count {
          let n = write(fd, chunk.baseAddress! + offset, chunk.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            throw ReadError.io(path: path, errno: errno)
          }
          offset += n
        }
        return true
      }
    } catch {
      close(fd)
      throw error
    }
    return try ReadableFile(adopting: fd, path: path)
  }
}
