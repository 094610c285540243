import Foundation
import Pipeline
import Standard

/// The emit stage: every output the configuration selects, written into the
/// outputs folder under its lock and committed as one set.
public enum Emitters {
  public static let jsonName = "arsitektur-spbe.json"
  public static let findingsName = "temuan.csv"
  public static let workbookName = "konsolidasi.xlsx"
  public static let reportName = "laporan.html"

  /// Returns the paths written.
  public static func writeAll(
    _ a: Architecture, standard: Standard, configuration c: Configuration, createdAt: Date
  ) throws -> [String] {
    let folder = OutputFolder(path: c.outputs)
    try folder.open()
    var written: [String] = []
    // The report and the feedback pages share one reading of the run.
    let html = c.formats.contains { $0 == .laporanHTML || $0 == .umpanBalik }
    let facts = html ? ReportFacts(a, standard: standard, language: c.language) : nil
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
      case .konsolidasiXLSX:
        let book = ConsolidatedWorkbook(
          architecture: a, standard: standard, configuration: c, createdAt: createdAt)
        try folder.write(workbookName) { temp in
          do {
            try book.write(to: temp)
          } catch let e as XLSXWriterError {
            throw OutputFolder.Failure.unwritable(path: workbookName, code: e.code)
          }
        }
        written.append((c.outputs as NSString).appendingPathComponent(workbookName))
      case .laporanHTML:
        let links =
          c.formats.contains(.umpanBalik)
          ? FeedbackPages(facts: facts!, configuration: c, createdAt: createdAt).links() : [:]
        let page = ReportPage(
          facts: facts!, configuration: c, createdAt: createdAt, feedbackLinks: links)
        try folder.write(reportName, page.render())
        written.append((c.outputs as NSString).appendingPathComponent(reportName))
      case .umpanBalik:
        let pages = FeedbackPages(facts: facts!, configuration: c, createdAt: createdAt)
        written += try pages.write(into: folder)
      }
    }
    try folder.commit()
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
