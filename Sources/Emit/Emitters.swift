import Foundation
import Pipeline
import Standard

/// The emit stage: every output the configuration selects, written atomically
/// into the outputs folder under its lock.
public enum Emitters {
  public static let jsonName = "arsitektur-spbe.json"
  public static let findingsName = "temuan.csv"

  /// Returns the paths written.
  public static func writeAll(
    _ a: Architecture, standard: Standard, configuration c: Configuration, createdAt: Date
  ) throws -> [String] {
    let folder = OutputFolder(path: c.outputs)
    try folder.open()
    var written: [String] = []
    for format in c.formats {
      switch format {
      case .json:
        let doc = ArchitectureDocument(
          architecture: a, standard: standard, configuration: c, createdAt: createdAt)
        try folder.write(jsonName) { try stream($0, doc.write(to:)) }
        written.append((c.outputs as NSString).appendingPathComponent(jsonName))
      case .temuanCSV:
        try folder.write(findingsName) {
          try stream($0) { FindingsCSV.write(a.findings, lang: c.language, jobs: c.jobs, to: $0) }
        }
        written.append((c.outputs as NSString).appendingPathComponent(findingsName))
      }
    }
    return written
  }

  /// Runs `body` over a sink that drains into `put` block by block.
  static func stream(
    _ put: (UnsafeRawBufferPointer) throws -> Void, _ body: (ByteSink) -> Void
  ) throws {
    try withoutActuallyEscaping(put) { put in
      let sink = ByteSink(drain: put)
      body(sink)
      try sink.flush()
    }
  }
}
