import ArgumentParser
import Emit
import Foundation
import Pipeline
import Spreadsheet

struct InspectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inspect", abstract: "Tampilkan isi berkas seperti yang dibaca (JSON).")

  @Argument(help: "Berkas .xlsx/.xlsm atau .csv/.tsv/.txt.")
  var file: String

  @Option(help: "Hanya lembar dengan nama ini.")
  var sheet: String?

  @Option(help: "Bahasa pesan: id atau en.")
  var lang: Language = .id

  /// Reads every sheet and prints only counts on stderr (for timing the reader).
  @Flag(name: .customLong("count-only"), help: .hidden)
  var countOnly = false

  func run() throws {
    let output = BufferedOutput()
    do {
      let source = try SpreadsheetReader.open(path: file)
      if countOnly {
        try count(source)
        return
      }
      try InspectDocument.write(source, file: file, sheet: sheet) { output.write($0) }
      output.flush()
    } catch let error as ReadError {
      // Nothing half-written reaches stdout: the buffer is dropped.
      // Part names, sheet names and parser details come from the file: one
      // line, with nothing in it a terminal would act on.
      let line = InputText.neutralised(
        ReadErrorMessages.message(error, file: file, lang: lang)
          .split(whereSeparator: \.isNewline).joined(separator: " "))
      FileHandle.standardError.write(Data((line + "\n").utf8))
      throw ExitCode(3)
    }
  }
}

extension InspectCommand {
  fileprivate func count(_ source: any SheetSource) throws {
    var rows = 0
    var cells = 0
    for index in source.sheets.indices {
      _ = try source.readSheet(index) { row in
        rows += 1
        for cell in row.cells where !cell.isEmpty { cells += 1 }
      }
    }
    FileHandle.standardError.write(Data("cells=\(cells) rows=\(rows)\n".utf8))
  }
}

/// Collects the document and writes it to stdout only once it is complete, so a
/// file that fails halfway prints nothing but its error line.
private final class BufferedOutput {
  private var chunks: [String] = []

  func write(_ s: String) { chunks.append(s) }

  func flush() {
    for chunk in chunks { FileHandle.standardOutput.write(Data(chunk.utf8)) }
    chunks.removeAll()
  }
}
