import Foundation
import Spreadsheet

/// What one input gives: one file's results, or one per member of a paket
/// with a `berkas-dilewati` finding for every member left unread.
public struct InputResult: Sendable {
  public var files: [FileResult] = []
  public var skipped: [Finding] = []
}

extension FileProcessor {
  /// Reads `input`, or each member of it when it is a paket (SPEC §2): a member
  /// is a file of a folder named after the zip (`paket.zip/Layanan.xlsx`), with
  /// its own SHA-256.
  public func processInput(_ input: InputFile) -> InputResult {
    let relative = input.relativePath
    let file: ReadableFile
    let paket: Paket?
    do {
      file = try ReadableFile(systemPath: input.systemPath, path: relative)
      paket = try Paket.open(file, limits: limits)
    } catch {
      return InputResult(files: [Self.unreadable(relative, error)])
    }
    guard let paket else { return InputResult(files: [process(opened: file, relative: relative)]) }
    var result = InputResult()
    for member in paket.members {
      let path = relative + "/" + member.name
      let reason: SkipReason?
      switch member.kind {
      case .nestedZip: reason = .nestedZip
      case .unsafeName: reason = .unsafeName
      case .file: reason = Self.isMergedCopy(member.name) ? .mergedCopy : nil
      }
      if let reason {
        // A merged copy repeats what the paket's other members hold; a member
        // that is not opened at all loses its content, which deserves a warning.
        result.skipped.append(
          Finding(
            .berkasDilewati, at: Location(file: path),
            severity: reason == .mergedCopy ? .info : .peringatan,
            params: ["sebab": reason.rawValue]))
        continue
      }
      do {
        result.files.append(process(opened: try paket.read(member, as: path), relative: path))
      } catch {
        result.files.append(Self.unreadable(path, error))
      }
    }
    return result
  }

  /// A workbook merged from others (`Arsitektur gabungan.xlsx`).
  static func isMergedCopy(_ name: String) -> Bool {
    (name as NSString).lastPathComponent.lowercased().contains("gabungan")
  }
}
