import Foundation
import XCTest

/// `outputs/sia-spbe/`: the portal's six forms written from the bundled
/// inputs, their header rows against the official forms, and the round trip:
/// `pipeline run` on the folder gives back the same accepted records.
final class SIASPBETests: XCTestCase {
  static let domains = [
    "proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan",
  ]

  /// One run of the bundled inputs for every test of the class: its outputs
  /// folder, or what went wrong.
  static let first: (outputs: URL?, problem: String) = {
    do {
      let out = try Binary.temporaryFolder("sia-spbe-first")
      let r = try Binary.run(
        [
          "run", "--inputs", Binary.packageRoot.appendingPathComponent("inputs").path,
          "--outputs", out.path, "--quiet",
        ], environment: ["SOURCE_DATE_EPOCH": "0"])
      // The bundled inputs carry planted mistakes: exit 1, outputs written.
      guard r.status == 0 || r.status == 1 else { return (nil, "exit \(r.status): \(r.stderr)") }
      return (out, "")
    } catch {
      return (nil, "\(error)")
    }
  }()

  var outputs: URL { get throws { try XCTUnwrap(Self.first.outputs, Self.first.problem) } }
  var folder: URL { get throws { try outputs.appendingPathComponent("sia-spbe") } }

  /// The domain labels of `domains.json`, in its order.
  func labels() throws -> [(key: String, label: String)] {
    let data = try Data(
      contentsOf: Binary.packageRoot.appendingPathComponent(
        "Sources/Standard/Resources/domains.json"))
    let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    let domains = try XCTUnwrap(doc["domains"] as? [[String: Any]])
    return domains.map { ($0["key"] as? String ?? "", $0["label"] as? String ?? "") }
  }

  /// Sheet names and the first row of `sheet` (by position) of a workbook, read by openpyxl.
  func headerRow(_ file: URL, sheet: Int = 0, row: Int = 1) throws -> (
    sheets: [String], header: [String]
  ) {
    let script = """
      import json, sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb.worksheets[int(sys.argv[2])]
      row = [c.value for c in ws[int(sys.argv[3])]]
      while row and row[-1] is None: row.pop()
      print(json.dumps({"sheets": wb.sheetnames, "header": row}))
      """
    let r = try Binary.tool(["python3", "-c", script, file.path, String(sheet), String(row)])
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    return (doc["sheets"] as? [String] ?? [], doc["header"] as? [String] ?? [])
  }

  func testSixWorkbooksDataSheetFirst() throws {
    let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let expected = try labels().map { "Domain Arsitektur \($0.label).xlsx" }
    XCTAssertEqual(written, expected.sorted())
    for (key, label) in try labels() {
      let book = try headerRow(folder.appendingPathComponent("Domain Arsitektur \(label).xlsx"))
      if key == "infrastruktur" {
        XCTAssertEqual(
          book.sheets,
          [
            "Komputasi Awan", "Perangkat Lunak Platform", "Perangkat Keras Server", "Periferal",
            "Media Penyimpanan", "Perangkat Keamanan", "Perangkat Jaringan",
            "Sistem Penghubung Layanan", "Jaringan Intra", "Fasilitas Komputasi",
          ])
      } else {
        XCTAssertEqual(book.sheets.first, label)
      }
      XCTAssertFalse(book.header.isEmpty, label)
    }
  }

  /// The header rows of the Proses Bisnis and Data dan Informasi forms equal
  /// the official forms' (row 4 of the official-form fixtures), label by label.
  func testHeadersEqualTheOfficialForms() throws {
    let official = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/official")
    for name in [
      "Domain Arsitektur Proses Bisnis.xlsx", "Domain Arsitektur Data dan Informasi.xlsx",
    ] {
      let form = try headerRow(official.appendingPathComponent(name), row: 4)
      let mine = try headerRow(folder.appendingPathComponent(name))
      XCTAssertGreaterThan(form.header.count, 10, name)
      XCTAssertEqual(mine.header, form.header, name)
      XCTAssertEqual(mine.sheets.first, form.sheets.first, name)
    }
  }

  static func text(_ v: Any?) -> String {
    switch v {
    // Links as a set: a form may split one link field over several columns (the
    // security links of the Data form, by jenis), read back in column order.
    case let list as [Any]: return "[" + list.map { "\($0)" }.sorted().joined(separator: ", ") + "]"
    case let n as NSNumber: return n.stringValue
    case let s as String: return s
    case nil, is NSNull: return "–"
    default: return "\(v!)"
    }
  }

  /// Each accepted record as one line: domain, OPD, then every field of the
  /// standard (names, codes, choices, links, numbers, dates) in field order.
  func lines(_ doc: [String: Any], fields: [String: [String]]) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for d in Self.domains {
      let records = doc[d] as? [[String: Any]] ?? []
      out[d] = records.map { r in
        ([d, Self.text(r["opd"])] + (fields[d] ?? []).map { "\($0)=\(Self.text(r[$0]))" })
          .joined(separator: " | ")
      }.sorted()
    }
    return out
  }

  func testRoundTripGivesBackTheAcceptedRecords() throws {
    let data = try Data(
      contentsOf: Binary.packageRoot.appendingPathComponent(
        "Sources/Standard/Resources/domains.json"))
    let standard = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    var fields: [String: [String]] = [:]
    for d in standard["domains"] as? [[String: Any]] ?? [] {
      let keys = (d["fields"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
      fields[d["key"] as? String ?? ""] = keys.filter { $0 != "opd" }
    }

    let before = try Binary.loadJSON(outputs.appendingPathComponent("arsitektur-spbe.json"))
    let out = try Binary.temporaryFolder("sia-spbe-back")
    let r = try Binary.run(
      ["run", "--inputs", folder.path, "--outputs", out.path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let after = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    XCTAssertEqual(try Binary.schemaErrors(out.appendingPathComponent("arsitektur-spbe.json")), "")

    let errors = (after["temuan"] as? [[String: Any]] ?? []).filter {
      $0["tingkat"] as? String == "kesalahan"
    }
    XCTAssertEqual(errors.count, 0, "kesalahan: \(errors.prefix(5))")
    XCTAssertEqual((after["ditolak"] as? [Any])?.count, 0, "no record is rejected")
    var warnings: [String: Int] = [:]
    for f in after["temuan"] as? [[String: Any]] ?? [] where f["tingkat"] as? String != "info" {
      warnings["\(f["jenis"] ?? "")", default: 0] += 1
    }

    let a = lines(before, fields: fields)
    let b = lines(after, fields: fields)
    var figures: [String] = []
    var total = 0
    for d in Self.domains {
      let x = a[d] ?? []
      let y = b[d] ?? []
      XCTAssertEqual(x.count, y.count, "\(d): \(x.count) accepted before, \(y.count) after")
      // Records that are not given back as they were, either way (a multiset difference).
      var left: [String: Int] = [:]
      for line in x { left[line, default: 0] += 1 }
      var extra: [String] = []
      for line in y {
        if let n = left[line], n > 0 { left[line] = n - 1 } else { extra.append(line) }
      }
      let lost = left.flatMap { Array(repeating: $0.key, count: $0.value) }.sorted()
      let same = x.count - lost.count
      for line in lost.prefix(10) { XCTFail("\(d) not given back:\n  \(line)") }
      for line in extra.prefix(10) { XCTFail("\(d) given back instead:\n  \(line)") }
      XCTAssertGreaterThan(x.count, 0, "\(d): the bundled inputs have accepted records")
      figures.append("\(d) \(x.count) → \(y.count), \(same) equal")
      total += x.count
    }
    print("sia-spbe round trip (\(total) accepted records): " + figures.joined(separator: "; "))
    print("sia-spbe round trip, findings above info on the way back: \(warnings)")
  }
}
