import Crypto
import Foundation
import Spreadsheet
import Standard

/// One input file after extraction, normalization and validation: its
/// accounting, its records (accepted or not yet rejected) and its findings.
public struct FileResult: Sendable {
  public var source: SourceFile
  public var records: [Record] = []
  public var findings: [Finding] = []
}

/// Extract → normalize → validate for one file. Files are independent, so this
/// runs concurrently; everything across files belongs to `Consolidate`.
public struct FileProcessor: Sendable {
  public let standard: Standard
  public let limits: ReadLimits
  static let spreadsheetExtensions: Set<String> = [
    "xlsx", "xlsm", "csv", "tsv", "txt", "xls", "xlsb", "ods", "numbers",
  ]

  public init(standard: Standard, limits: ReadLimits) {
    self.standard = standard
    self.limits = limits
  }

  /// Opens the file once, hashes all of it by streaming through that one
  /// descriptor, then parses the same descriptor (so a file replaced while the
  /// run reads it never pairs one version's hash with the other's records).
  public func process(_ input: InputFile) -> FileResult {
    let relative = input.relativePath
    do {
      let file = try ReadableFile(systemPath: input.systemPath, path: relative)
      return process(opened: file, relative: relative)
    } catch {
      return Self.unreadable(relative, error)
    }
  }

  /// A file already open (an input, or a member of a paket), hashed then parsed.
  func process(opened file: ReadableFile, relative: String) -> FileResult {
    let sha: String
    do {
      sha = try Self.sha256(of: file)
    } catch {
      return Self.unreadable(relative, error)
    }
    return process(file, relative: relative, sha: sha)
  }

  /// Nothing (or not all of it) could be read: no hash to stand for it.
  static func unreadable(_ relative: String, _ error: any Error) -> FileResult {
    var result = FileResult(source: SourceFile(path: relative, sha256: nil, readable: false))
    result.findings.append(finding(for: error, at: Location(file: relative)))
    return result
  }

  /// The SHA-256 of the whole file, read in bounded chunks.
  static func sha256(of file: ReadableFile) throws -> String {
    var hasher = SHA256()
    try file.stream { hasher.update(bufferPointer: $0) }
    return hasher.finalize().hex
  }

  private func process(_ file: ReadableFile, relative: String, sha: String) -> FileResult {
    var result = FileResult(source: SourceFile(path: relative, sha256: sha, readable: false))
    let ext = (relative as NSString).pathExtension.lowercased()
    let whole = Location(file: relative)
    guard Self.spreadsheetExtensions.contains(ext) else {
      result.findings.append(Finding(.formatTidakDidukung, at: whole, params: ["ekstensi": ext]))
      return result
    }
    let source: any SheetSource
    do {
      source = try SpreadsheetReader.open(file, limits: limits)
    } catch {
      result.findings.append(Self.finding(for: error, at: whole))
      return result
    }
    result.source.readable = true
    result.source.format = source.format
    do {
      try extractTables(source, into: &result)
    } catch {
      result.source.readable = false
      result.findings.append(Self.finding(for: error, at: whole))
    }
    return result
  }

  static func finding(for error: any Error, at location: Location) -> Finding {
    // Readers throw only read errors; anything else is said without a reason.
    guard let error = error as? ReadError else { return Finding(.berkasTidakTerbaca, at: location) }
    switch error {
    case .unsupportedFormat(let f):
      return Finding(.formatTidakDidukung, at: location, params: ["ekstensi": f.rawValue])
    case .encrypted:
      return Finding(.berkasTerenkripsi, at: location)
    default:
      return Finding(.berkasTidakTerbaca, at: location, params: ReadErrorMessages.params(error))
    }
  }
}
