import Foundation
import Pipeline
import Spreadsheet
import Standard
import XCTest

@testable import Emit

/// `konsolidasi.xlsx` built from a real run of the bundled inputs.
final class ConsolidatedWorkbookTests: XCTestCase {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  func architecture() throws -> (Architecture, Standard) {
    let standard = try Standard.load()
    let run = PipelineRun(standard: standard, configuration: Configuration())
    let files = try PipelineRun.inputs(in: Self.packageRoot.appendingPathComponent("inputs").path)
      .files
    return (run.execute(files, jobs: 2), standard)
  }

  /// A sheet holds at most Excel's row count; what does not fit is said below the table.
  func testRowsBeyondTheSheetLimitAreCountedNotLost() throws {
    let (a, standard) = try architecture()
    var book = ConsolidatedWorkbook(
      EmitContext(
        architecture: a, standard: standard, configuration: Configuration(),
        createdAt: Date(timeIntervalSince1970: 0)))
    book.rowLimit = 5
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kw-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("k.xlsx").path
    try book.write(to: path)

    let apps = a.accepted.filter { $0.domain == "aplikasi" }.count
    XCTAssertGreaterThan(apps, 5)
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      for name in ("Aplikasi", "Temuan"):
          ws = wb[name]
          print(name, ws.max_row, ws.auto_filter.ref, ws.cell(row=ws.max_row, column=1).value)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let lines = text.split(separator: "\n").map(String.init)
    // The fields and the five columns the sheet sets beside them.
    let last = CellAddress.columnLetters(
      try XCTUnwrap(standard.domain("aplikasi")).fields.count + 5)
    XCTAssertEqual(
      lines.first,
      "Aplikasi 7 A1:\(last)6 \(apps - 5) baris berikutnya tidak muat di lembar ini; "
        + "semuanya ada di arsitektur-spbe.json.", text)
    XCTAssertEqual(
      lines.dropFirst().first?.hasPrefix("Temuan 7 A1:N6 \(a.findings.count - 5) "), true, text)
  }

  /// `bahasa: en` gives English headers, texts and messages; the sheet names
  /// stay those of SPEC §7; the time shown is WIB.
  func testTheWorkbookFollowsTheLanguage() throws {
    let (a, standard) = try architecture()
    var config = Configuration()
    config.language = .en
    let book = ConsolidatedWorkbook(
      EmitContext(
        architecture: a, standard: standard, configuration: config,
        createdAt: Date(timeIntervalSince1970: 1_767_225_600)))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kw-en-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("k.xlsx").path
    try book.write(to: path)
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      print("|".join(wb.sheetnames))
      r = wb["Ringkasan"]
      print(r["A1"].value)
      print([row for row in r.iter_rows(values_only=True) if row[0] == "Generated"][0][1])
      t = wb["Temuan"]
      print("|".join(c.value for c in t[1]))
      print(t["K2"].value)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, path]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let lines = text.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      (["Ringkasan"] + standard.domains.map(\.label) + ["Ditolak", "Temuan", "Daftar Kirim"]
        + ConsolidatedWorkbook.analysisSheetNames)
        .joined(separator: "|"), text)
    XCTAssertEqual(lines.dropFirst().first, "SPBE architecture consolidation", text)
    XCTAssertEqual(lines.dropFirst(2).first, "1 January 2026 07:00 WIB (UTC+07:00)", text)
    XCTAssertEqual(
      lines.dropFirst(3).first,
      "ID|Type|Level|File|Sheet|Cell|Row|Column|Field|Value|Message|Fix|Key|OPD code", text)
    let first = try XCTUnwrap(a.findings.first)
    XCTAssertEqual(lines.dropFirst(4).first, Catalog.render(first, lang: .en).message, text)
  }
}
