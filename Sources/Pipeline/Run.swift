import Foundation
import Spreadsheet
import Standard

/// An input file found under the inputs folder.
public struct InputFile: Sendable, Hashable {
  public let absolutePath: String
  /// Relative to the inputs folder, `/`-separated: what outputs and messages show.
  public let relativePath: String

  public init(absolutePath: String, relativePath: String) {
    self.absolutePath = absolutePath
    self.relativePath = relativePath
  }
}

/// Finds the inputs and carries a file through the per-file stages, in parallel,
/// then consolidates. Knows nothing of terminals or output formats.
public struct PipelineRun: Sendable {
  public let standard: Standard
  public let configuration: Configuration

  public init(standard: Standard, configuration: Configuration) {
    self.standard = standard
    self.configuration = configuration
  }

  /// Every file under `folder`, recursively, in byte order of its relative path;
  /// office lock files (`~$…`) and hidden files are skipped without a finding.
  public static func inputs(in folder: String) throws -> [InputFile] {
    let root = URL(fileURLWithPath: folder).standardizedFileURL
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue
    else { throw RunError.inputsMissing(folder) }
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { throw RunError.inputsMissing(folder) }
    var files: [InputFile] = []
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    for case let url as URL in walker {
      let name = url.lastPathComponent
      if name.hasPrefix("~$") || name.hasPrefix(".") { continue }
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
        continue
      }
      let path = url.standardizedFileURL.path
      let rel = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : name
      files.append(InputFile(absolutePath: path, relativePath: rel))
    }
    return files.sorted {
      Array($0.relativePath.utf8).lexicographicallyPrecedes($1.relativePath.utf8)
    }
  }

  /// Extract, normalize and validate every file (concurrently, `jobs` at a time),
  /// then consolidate when the configuration asks for it. The result does not
  /// depend on `jobs` or on the order files were listed in.
  public func execute(
    _ files: [InputFile], jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> Architecture {
    let processor = FileProcessor(standard: standard, limits: configuration.limits)
    let results = Slots<FileResult>(files.count)
    let done = Locked(0)
    Parallel.forEach(files.count, workers: jobs) { i in
      results[i] = processor.process(path: files[i].absolutePath, relative: files[i].relativePath)
      let d = done.withLock { n in
        n += 1
        return n
      }
      progress?(d, files.count)
    }
    // Moved out, not copied: the slots must not keep the per-file records and
    // findings alive beside the merged ones.
    let ordered = results.take()
    if configuration.stages.contains(.consolidate) {
      return Consolidate(standard: standard).run(consume ordered)
    }
    return Consolidate.withoutConsolidation(consume ordered)
  }
}

extension Consolidate {
  /// The records and findings of the per-file stages in one list, each record
  /// still pointing at its own findings.
  /// Each file's lists are taken out of `files` as they are merged, so a run's
  /// records and findings are held once, not twice.
  static func merge(_ files: inout [FileResult]) -> (records: [Record], findings: [Finding]) {
    var findings: [Finding] = []
    var records: [Record] = []
    for k in files.indices {
      let offset = findings.count
      var fileRecords: [Record] = []
      swap(&fileRecords, &files[k].records)
      if offset > 0 {
        for j in fileRecords.indices {
          for f in fileRecords[j].findings.indices { fileRecords[j].findings[f] += offset }
        }
      }
      if records.isEmpty { records = fileRecords } else { records += fileRecords }
      fileRecords = []
      var fileFindings: [Finding] = []
      swap(&fileFindings, &files[k].findings)
      if findings.isEmpty { findings = fileFindings } else { findings += fileFindings }
    }
    return (records, findings)
  }

  /// The per-file results without the checks across files (for runs that stop
  /// at `validate`).
  static func withoutConsolidation(_ files: consuming [FileResult]) -> Architecture {
    let (records, findings) = merge(&files)
    return Architecture(sources: files.map(\.source), records: records, findings: findings)
  }
}

public enum RunError: Error, Equatable, Sendable {
  case inputsMissing(String)
  /// A path named on the command line (`validate PATH…`): a file or a folder.
  case pathMissing(String)
  /// The default inputs folder is missing and no `pipeline.yml` was found in
  /// `lookedIn`, the current folder.
  case inputsMissingWithoutConfiguration(inputs: String, lookedIn: String)
  case noInputs(String)
  /// `code` is the `errno` of the failed call.
  case outputsUnwritable(path: String, code: Int32)
  case outputsLocked(String)
  /// Files were found in the inputs folder, but not one could be read.
  case nothingReadable(folder: String, files: Int)
  /// `SOURCE_DATE_EPOCH` is not a count of seconds from 1970 to the end of 9999.
  case badSourceDateEpoch
}
