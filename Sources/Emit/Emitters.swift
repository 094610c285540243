import Foundation
import Pipeline
import Standard

/// The emit stage: every output the configuration selects, written into the
/// outputs folder under its lock and committed as one set.
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
        try folder.write(jsonName, JSONWriter().render(doc.json()))
        written.append((c.outputs as NSString).appendingPathComponent(jsonName))
      case .temuanCSV:
        try folder.write(findingsName, FindingsCSV.render(a.findings, lang: c.language))
        written.append((c.outputs as NSString).appendingPathComponent(findingsName))
      }
    }
    try folder.commit()
    return written
  }
}
