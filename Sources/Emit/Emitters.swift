import Foundation
import Pipeline
import Standard

/// The emit stage: every output the configuration selects, written atomically
/// into the outputs folder under its lock.
public enum Emitters {
  public static let jsonName = "arsitektur-spbe.json"
  public static let findingsName = "temuan.csv"
  public static let workbookName = "konsolidasi.xlsx"

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
      case .konsolidasiXLSX:
        let book = ConsolidatedWorkbook(
          architecture: a, standard: standard, configuration: c, createdAt: createdAt)
        try folder.write(workbookName) { temp in
          do {
            try book.write(to: temp)
          } catch let e as XLSXWriterError {
            throw OutputFolder.Failure.unwritable(path: workbookName, detail: e.detail)
          }
        }
        written.append((c.outputs as NSString).appendingPathComponent(workbookName))
      }
    }
    return written
  }
}
