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
    _ files: [InputFile], jobs: Int, cache: ResultCache? = nil,
    progress: ((Int, Int) -> Void)? = nil
  ) -> Architecture {
    let processor = FileProcessor(standard: standard, limits: configuration.limits)
    let results = UnsafeMutableBufferPointer<FileResult?>.allocate(capacity: files.count)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    let lock = NSLock()
    var done = 0
    Parallel.forEach(files.count, workers: jobs) { i in
      let r = processor.process(
        path: files[i].absolutePath, relative: files[i].relativePath, cache: cache)
      lock.lock()
      results[i] = r
      done += 1
      let d = done
      lock.unlock()
      progress?(d, files.count)
    }
    let ordered = results.compactMap { $0 }
    if configuration.stages.contains(.consolidate) {
      return Consolidate(standard: standard).run(ordered)
    }
    return Consolidate.withoutConsolidation(ordered)
  }
}

extension Consolidate {
  /// The records and findings of the per-file stages in one list, each record
  /// still pointing at its own findings.
  static func merge(_ files: [FileResult]) -> (records: [Record], findings: [Finding]) {
    var findings: [Finding] = []
    var records: [Record] = []
    for f in files {
      let offset = findings.count
      findings.append(contentsOf: f.findings)
      for var r in f.records {
        r.findings = r.findings.map { $0 + offset }
        records.append(r)
      }
    }
    return (records, findings)
  }

  /// The per-file results without the checks across files (for runs that stop
  /// at `validate`).
  static func withoutConsolidation(_ files: [FileResult]) -> Architecture {
    let (records, findings) = merge(files)
    return Architecture(sources: files.map(\.source), records: records, findings: findings)
  }
}

public enum RunError: Error, Equatable, Sendable {
  case inputsMissing(String)
  case noInputs(String)
  case outputsUnwritable(path: String, detail: String)
  case outputsLocked(String)
}
