import Foundation
import XCTest

/// `pipeline validate` against `pipeline run` on the same inputs: the same
/// totals, findings and exit status, and nothing written.
final class ValidateTests: XCTestCase {
  let inputs = Binary.packageRoot.appendingPathComponent("inputs")

  /// Finding type → count, from validate's lines (`place: level [type] message`).
  func findingTypes(_ stdout: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    let pattern = try! NSRegularExpression(
      pattern: ": (kesalahan|peringatan|info) \\[([a-z0-9-]+)\\] ")
    for line in stdout.split(separator: "\n") {
      let s = String(line)
      guard let m = pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else {
        continue
      }
      counts[String(s[Range(m.range(at: 2), in: s)!]), default: 0] += 1
    }
    return counts
  }

  /// Finding type → count, from the JSON of a run.
  func findingTypes(_ json: URL) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for f in try Binary.loadJSON(json)["temuan"] as? [[String: Any]] ?? [] {
      counts[f["jenis"] as? String ?? "?", default: 0] += 1
    }
    return counts
  }

  /// The summary from its table's header to the OPD line: what both commands
  /// print alike (the first line carries the time, the last ones the outputs).
  func summaryTable(_ stdout: String, _ lang: String) -> [Substring] {
    let lines = stdout.split(separator: "\n")
    let last = lang == "en" ? "OPDs: " : "OPD: "
    guard let from = lines.firstIndex(where: { $0.hasPrefix("  Domain ") }),
      let to = lines.lastIndex(where: { $0.hasPrefix(last) })
    else { return [] }
    return Array(lines[from...to])
  }

  func compare(_ inputs: URL, _ extra: [String], file: StaticString = #filePath, line: UInt = #line)
    throws -> [String: Int]
  {
    let out = try Binary.temporaryFolder("validate-run")
    let run = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path] + extra)
    let validate = try Binary.run(["validate", "--inputs", inputs.path] + extra)
    XCTAssertEqual(validate.status, run.status, validate.stderr, file: file, line: line)
    let lang = extra.contains("en") ? "en" : "id"
    let table = summaryTable(run.stdout, lang)
    XCTAssertGreaterThan(table.count, 7, run.stdout, file: file, line: line)
    XCTAssertEqual(summaryTable(validate.stdout, lang), table, file: file, line: line)
    let types = try findingTypes(out.appendingPathComponent("arsitektur-spbe.json"))
    XCTAssertEqual(findingTypes(validate.stdout), types, file: file, line: line)
    return types
  }

  func testValidateGivesWhatRunGives() throws {
    let types = try compare(inputs, [])
    // The checks across files are among them.
    XCTAssertGreaterThan(types["duplikat-lintas-opd", default: 0], 0, "\(types)")
    _ = try compare(inputs, ["--fail-on", "tidak", "--lang", "en"])
    _ = try compare(inputs, ["--fail-on", "peringatan"])
  }

  /// An OPD's workbook copied twice: both commands read a copy once: `berkas-ganda` on the copy, no id taken twice.
  func testAWorkbookCopiedTwiceIsReadOnceByBoth() throws {
    let dir = try Binary.temporaryFolder("validate-copy")
    for name in ["Diskominfosatik.xlsx", "dinkes.xlsx", "Bapenda.xlsx"] {
      try FileManager.default.copyItem(
        at: inputs.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    try FileManager.default.copyItem(
      at: inputs.appendingPathComponent("dinkes.xlsx"),
      to: dir.appendingPathComponent("dinkes (salinan).xlsx"))
    let types = try compare(dir, ["--fail-on", "tidak"])
    XCTAssertEqual(types["berkas-ganda"], 1, "\(types)")
    XCTAssertNil(types["id-ganda"], "\(types)")
  }

  /// No outputs folder, no lock, no cache: the folder it runs in stays empty,
  /// and the inputs are untouched.
  func testValidateWritesNothing() throws {
    let here = try Binary.temporaryFolder("validate-cwd")
    let copy = here.appendingPathComponent("masukan")
    try FileManager.default.copyItem(at: inputs, to: copy)
    func listing() throws -> [String] {
      try FileManager.default.subpathsOfDirectory(atPath: here.path).sorted()
    }
    let before = try listing()
    let r = try Binary.run(["validate", "--inputs", "masukan"], in: here)
    XCTAssertEqual(r.status, 1, r.stderr)
    let named = try Binary.run(
      ["validate", "masukan/dinkes.xlsx", "masukan", "--outputs", "keluaran"], in: here)
    XCTAssertEqual(named.status, 1, named.stderr)
    XCTAssertEqual(try listing(), before)
  }

  /// A path may be a file or a folder; a missing one is called neither.
  func testAPathIsAFileOrAFolder() throws {
    let file = inputs.appendingPathComponent("dinkes.xlsx").path
    let one = try Binary.run(["validate", file, "--fail-on", "tidak"])
    XCTAssertEqual(one.status, 0, one.stderr)
    XCTAssertTrue(one.stdout.contains(file + " › "), one.stdout)
    let missing = try Binary.run(["validate", "/tidak/ada/dinkes.xlsx"])
    XCTAssertEqual(missing.status, 3)
    XCTAssertTrue(
      missing.stderr.contains("berkas atau folder tidak ada: /tidak/ada/dinkes.xlsx"),
      missing.stderr)
    let en = try Binary.run(["validate", "/tidak/ada", "--lang", "en"])
    XCTAssertTrue(en.stderr.contains("no such file or folder: /tidak/ada"), en.stderr)
  }

  /// A file name carrying terminal escapes (set the title, clear the screen)
  /// and a cell carrying a bidi override are shown, never obeyed.
  func testInputTextCannotActOnTheTerminal() throws {
    let dir = try Binary.temporaryFolder("validate-escape")
    let hostile = "dinkes\u{1B}]0;PWNED\u{07}\u{1B}[2J.xlsx"
    try FileManager.default.copyItem(
      at: inputs.appendingPathComponent("dinkes.xlsx"), to: dir.appendingPathComponent(hostile))
    let csv =
      "ID Aplikasi,Nama Aplikasi,Kode RAA,Basis Aplikasi,Status,Catatan\n"
      + "A1,\"Nama\u{202E}txt.exe\",RAA.99\u{1B}[31m,Web,Aktif,\n"
    try Data(csv.utf8).write(to: dir.appendingPathComponent("Bappeda\u{9B}2J - Aplikasi.csv"))
    let r = try Binary.run(["validate", dir.path])
    XCTAssertNotEqual(r.status, 3, r.stderr)
    for text in [r.stdout, r.stderr] {
      XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, text)
      XCTAssertFalse(text.contains("\u{202E}") || text.contains("\u{9B}"), text)
    }
    XCTAssertTrue(r.stdout.contains("dinkes\u{241B}]0;PWNED\u{2407}\u{241B}[2J.xlsx › "), r.stdout)
    XCTAssertTrue(r.stdout.contains("Bappeda[U+009B]2J - Aplikasi.csv › "), r.stdout)
    XCTAssertTrue(r.stdout.contains("RAA.99\u{241B}[31m"), r.stdout)

    // inspect's errors, and the paths named on stderr.
    let pdf = dir.appendingPathComponent("catatan\u{1B}[2J.xlsx")
    try Data("%PDF-1.4".utf8).write(to: pdf)
    let inspect = try Binary.run(["inspect", pdf.path])
    XCTAssertEqual(inspect.status, 3)
    XCTAssertTrue(inspect.stderr.contains("catatan\u{241B}[2J.xlsx"), inspect.stderr)
    let missing = try Binary.run(["run", "--inputs", "/tidak/ada\u{1B}[2J"])
    XCTAssertTrue(missing.stderr.contains("/tidak/ada\u{241B}[2J"), missing.stderr)
    XCTAssertFalse(missing.stderr.contains("\u{1B}"), missing.stderr)
  }
}
