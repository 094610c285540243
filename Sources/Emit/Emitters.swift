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
  public static let profileName = "profil.html"
  public static let changesName = "perubahan.json"

  /// Returns the paths written, in the order of `configuration.formats`. The
  /// outputs do not depend on each other: they are rendered side by side on
  /// `configuration.jobs` workers (0: one per core), all committed as one
  /// set into `folder` (the outputs folder, its lock taken or not yet) once
  /// every one is written, so their bytes do not depend on the number of workers.
  public static func writeAll(
    _ a: Architecture, standard: Standard, configuration c: Configuration, createdAt: Date,
    into folder: OutputFolder, rounds: RoundInput = RoundInput()
  ) throws -> [String] {
    var made = EmitContext(
      architecture: a, standard: standard, configuration: c, createdAt: createdAt)
    made.changes = rounds.changes(made)
    let context = made
    let round = rounds.staged
    try folder.open()
    // The report and the feedback pages share one reading of the run.
    let html = c.formats.contains { $0 == .laporanHTML || $0 == .umpanBalik }
    let facts = html ? ReportFacts(a, standard: standard, language: c.language) : nil
    let pages =
      c.formats.contains(.umpanBalik)
      ? facts.map { FeedbackPages(context, facts: $0) } : nil
    let path = { @Sendable (name: String) in (c.outputs as NSString).appendingPathComponent(name) }
    let outputs: [@Sendable () throws -> [String]] = c.formats.map { format in
      switch format {
      case .json:
        return {
          let doc = ArchitectureDocument(context)
          try folder.write(jsonName) { put in
            // The round keeps a compressed copy of the very bytes committed.
            try stream(
              {
                try put($0)
                try round?.appendDocument($0)
              }, doc.write(to:))
          }
          return [path(jsonName)]
        }
      case .temuanCSV:
        return {
          try folder.write(findingsName) {
            try stream($0, FindingsCSV(context).write(to:))
          }
          return [path(findingsName)]
        }
      case .konsolidasiXLSX:
        return {
          let book = ConsolidatedWorkbook(context)
          try folder.write(workbookName) { temp in
            do {
              try book.write(to: temp)
            } catch let e as XLSXWriterError {
              throw OutputFolder.Failure.unwritable(path: workbookName, code: e.code)
            }
          }
          return [path(workbookName)]
        }
      case .laporanHTML:
        return {
          let links = pages?.links() ?? [:]
          let page = ReportPage(
            context: context, facts: facts!, feedbackLinks: links,
            profileLink: c.formats.contains(.profilHTML) ? profileName : nil)
          try folder.write(reportName, page.render())
          return [path(reportName)]
        }
      case .umpanBalik:
        return {
          try pages!.write(into: folder)
        }
      case .profilHTML:
        return {
          let page = ProfilePage(
            context: context, reportLink: c.formats.contains(.laporanHTML) ? reportName : nil)
          try folder.write(profileName, page.render())
          return [path(profileName)]
        }
      case .perubahan:
        return {
          try folder.write(changesName, ChangesDocument.text(context))
          return [path(changesName)]
        }
      case .siaSPBE:
        return {
          try SIASPBEExport(context, layout: SIASPBELayout.bundled()).write(into: folder)
        }
      case .daftarKirim:
        return {
          try folder.write(SendListCSV.name) {
            try stream($0, SendListCSV(context: context).write(to:))
          }
          return [path(SendListCSV.name)]
        }
      case .sqlite:
        return {
          try folder.write(ArchitectureStore.name) { try ArchitectureStore(context).write(to: $0) }
          return [path(ArchitectureStore.name)]
        }
      }
    }
    // The slowest outputs start first, so the last to start is a short one.
    let slowFirst: [OutputFormat] = [
      .konsolidasiXLSX, .sqlite, .umpanBalik, .laporanHTML, .json, .temuanCSV, .profilHTML,
      .perubahan, .siaSPBE, .daftarKirim,
    ]
    let order = c.formats.indices.sorted {
      (slowFirst.firstIndex(of: c.formats[$0]) ?? 0)
        < (slowFirst.firstIndex(of: c.formats[$1]) ?? 0)
    }
    let results = Slots<Result<[String], any Error>>(outputs.count)
    Parallel.forEach(outputs.count, workers: c.jobs, order: order) { i in
      results[i] = Result { try outputs[i]() }
    }
    var written: [String] = []
    for r in results.take() { written += try r.get() }
    if let round {
      try round.close(document: ArchitectureDocument(context), context)
      try folder.writeMark(History.markName, round.mark)
    }
    try folder.commit()
    OutputFolder.faultPoint("after-commit")
    round?.finalize()
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
