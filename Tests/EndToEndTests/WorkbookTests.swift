import Foundation
import XCTest

/// The workbooks the tool writes, opened by other programs: `konsolidasi.xlsx`
/// against the JSON of the same run (openpyxl, and LibreOffice converting every
/// sheet to CSV), and `pipeline template` filled in and saved by LibreOffice,
/// then read back by `pipeline run`.
final class WorkbookTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  var domainsJSON: String {
    Binary.packageRoot.appendingPathComponent("Sources/Standard/Resources/domains.json").path
  }

  /// Values a spreadsheet program would take for formulas (SPEC §8).
  static let injections = [
    "=1+1", "=HYPERLINK(\"http://x\";\"klik\")", "-5", "@SUM(A1)", "+62811", "+Aplikasi Plus",
  ]

  func testConsolidatedWorkbookHoldsWhatTheJSONHolds() throws {
    let inputs = try Binary.temporaryFolder("konsolidasi-in")
    let bundled = Binary.packageRoot.appendingPathComponent("inputs")
    for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
      try FileManager.default.copyItem(
        at: bundled.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
    }
    // Ids and names a spreadsheet would run as formulas, and a rejected row.
    let csv = """
      ID Aplikasi,Nama Aplikasi,Kode RAA,Basis Aplikasi,Status,Catatan
      "=1+1","=HYPERLINK(""http://x"";""klik"")",RAA.01.02,Web,Aktif,+1
      -5,@SUM(A1),RAA.01.02,Web,Aktif,"\tdengan tab"
      +62811,+Aplikasi Plus,RAA.01.02,Web,Aktif,
      +9,Rusak,RAA.01.02,"\t=bukan",Aktif,x

      """
    try Data(csv.utf8).write(to: inputs.appendingPathComponent("Bappeda - Aplikasi.csv"))
    let out = try Binary.temporaryFolder("konsolidasi-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
    XCTAssertEqual(r.status, 1, r.stderr)
    let book = out.appendingPathComponent("konsolidasi.xlsx")
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    let check = try Tools.python(
      "check_konsolidasi.py", [book.path, json.path, domainsJSON] + Self.injections)
    XCTAssertEqual(check.status, 0, check.output)

    // No stamp in the bundled inputs: no templat-kedaluwarsa.
    let doc = try Binary.loadJSON(json)
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    XCTAssertFalse(findings.contains { $0["jenis"] as? String == "templat-kedaluwarsa" })

    // LibreOffice reads every sheet, with the same number of rows, and shows the
    // injected values as typed (a formula would show its result).
    let csvDir = try Binary.temporaryFolder("konsolidasi-csv")
    try Tools.soffice(
      [
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", csvDir.path, book.path,
      ])
    func lines(_ sheet: String) throws -> [[String]] {
      let url = csvDir.appendingPathComponent("konsolidasi-\(sheet).csv")
      return try Tools.csvRecords(String(decoding: Data(contentsOf: url), as: UTF8.self))
    }
    let labels = [
      "proses_bisnis": "Proses Bisnis", "layanan": "Layanan", "data": "Data dan Informasi",
      "aplikasi": "Aplikasi", "infrastruktur": "Infrastruktur", "keamanan": "Keamanan",
    ]
    for (key, sheet) in labels {
      XCTAssertEqual(try lines(sheet).count - 1, (doc[key] as? [Any])?.count, sheet)
    }
    XCTAssertEqual(try lines("Ditolak").count - 1, (doc["ditolak"] as? [Any])?.count)
    XCTAssertEqual(try lines("Temuan").count - 1, findings.count)
    XCTAssertEqual(try lines("Ringkasan").first?.first, "Konsolidasi arsitektur SPBE")
    let apps = try lines("Aplikasi").flatMap { $0 }
    for value in Self.injections { XCTAssertTrue(apps.contains(value), value) }
    XCTAssertTrue(apps.contains("Catatan: +1"))
  }

  func testTemplateFilledInLibreOfficeComesBackClean() throws {
    let dir = try Binary.temporaryFolder("templat")
    let made = try Binary.run(["template", "--outputs", dir.path, "--opd", "dinkes"])
    XCTAssertEqual(made.status, 0, made.stderr)
    let template = dir.appendingPathComponent("templat-spbe-Dinkes.xlsx")
    XCTAssertEqual(made.stdout.trimmingCharacters(in: .whitespacesAndNewlines), template.path)
    let layout = try Tools.python(
      "check_template.py",
      [template.path, domainsJSON, "Dinas Kesehatan", "1.02.0.00.0.00.01.0000"])
    XCTAssertEqual(layout.status, 0, layout.output)

    // Filled with openpyxl, then opened and saved by LibreOffice, which writes
    // the file that comes back.
    let filled = try Binary.temporaryFolder("templat-isi")
    let rows = 3
    let fill = try Tools.python(
      "fill_template.py",
      [template.path, domainsJSON, filled.appendingPathComponent("isian.xlsx").path, "\(rows)"])
    XCTAssertEqual(fill.status, 0, fill.output)
    let inputs = try Binary.temporaryFolder("templat-lo")
    try Tools.soffice(
      [
        "--convert-to", "xlsx", "--outdir", inputs.path,
        filled.appendingPathComponent("isian.xlsx").path,
      ])
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: inputs.appendingPathComponent("isian.xlsx").path))

    let out = try Binary.temporaryFolder("templat-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"], environment: epoch)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    let layoutFindings = findings.filter {
      let t = $0["jenis"] as? String ?? ""
      return t == "header-tidak-ditemukan" || t.hasPrefix("kolom-") || t == "lembar-tidak-dikenal"
        || t == "templat-kedaluwarsa" || t == "opd-tidak-dikenal"
    }
    XCTAssertEqual(layoutFindings.count, 0, "\(layoutFindings)")
    XCTAssertEqual(r.status, 0, "\(findings.prefix(5))")
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, 0)
    for key in ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"] {
      let records = doc[key] as? [[String: Any]] ?? []
      XCTAssertEqual(records.count, rows, key)
      XCTAssertTrue(
        records.allSatisfy { $0["opd"] as? String == "1.02.0.00.0.00.01.0000" }, key)
    }
  }

  func testAnOlderTemplateIsFlagged() throws {
    let dir = try Binary.temporaryFolder("templat-lama")
    XCTAssertEqual(try Binary.run(["template", "--outputs", dir.path]).status, 0)
    let inputs = try Binary.temporaryFolder("templat-lama-in")
    let old = inputs.appendingPathComponent("Dinkes.xlsx")
    let stamp = try Tools.python(
      "fill_template.py",
      [dir.appendingPathComponent("templat-spbe.xlsx").path, domainsJSON, old.path, "--stamp", "0"])
    XCTAssertEqual(stamp.status, 0, stamp.output)
    let out = try Binary.temporaryFolder("templat-lama-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet", "--fail-on", "tidak"],
      environment: epoch)
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    let stale = findings.filter { $0["jenis"] as? String == "templat-kedaluwarsa" }
    XCTAssertEqual(stale.count, 1, "\(findings)")
    XCTAssertEqual(stale.first?["tingkat"] as? String, "peringatan")
    XCTAssertEqual(stale.first?["nilai"] as? String, "0")
    // The list sheet is no table and no unknown sheet.
    XCTAssertFalse(findings.contains { $0["jenis"] as? String == "lembar-tidak-dikenal" })
  }

  func testTemplateForAnUnknownOPDIsAUsageError() throws {
    let dir = try Binary.temporaryFolder("templat-salah")
    let r = try Binary.run(["template", "--outputs", dir.path, "--opd", "9.99.BUKAN"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("9.99.BUKAN"), r.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
  }
}

/// The other programs the workbook tests open files with.
enum Tools {
  static var scripts: URL {
    Binary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Scripts")
  }

  /// Runs one of the scripts beside these tests; output and errors together.
  static func python(_ script: String, _ arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let r = try Binary.tool(["python3", scripts.appendingPathComponent(script).path] + arguments)
    return (r.status, r.stdout + r.stderr)
  }

  /// LibreOffice headless, with a private profile so that runs do not share state.
  static func soffice(_ arguments: [String]) throws {
    let profile = try Binary.temporaryFolder("lo-profile")
    defer { try? FileManager.default.removeItem(at: profile) }
    let r = try Binary.tool(
      ["soffice", "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore"]
        + arguments)
    XCTAssertEqual(r.status, 0, "soffice: \(r.stdout)\(r.stderr)")
  }

  /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
  static func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
    var i = chars.startIndex
    while i < chars.endIndex {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.endIndex, chars[i + 1] == "\"" {
            field.unicodeScalars.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\n" || c == "\r" {
        if c == "\r", i + 1 < chars.endIndex, chars[i + 1] == "\n" { i += 1 }
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(c)
      }
      i += 1
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
