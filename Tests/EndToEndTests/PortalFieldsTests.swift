import Foundation
import XCTest

/// Official-form workbooks carrying the SIA-SPBE portal's columns (issue 14):
/// every record PORTAL.md lists is accepted at its row with the new fields'
/// values; every listed finding is found and nothing else.
final class PortalFieldsTests: XCTestCase {
  static let folder = Binary.packageRoot.appendingPathComponent(
    "Tests/EndToEndTests/Fixtures/portal")

  struct ExpectedRecord {
    let file: String
    let sheet: String
    let row: Int
    let domain: String
    let opd: String
    let values: [String: String]
    let extra: [String]
  }

  /// The `rec` rows of PORTAL.md (the layout of ../official/FORMS.md).
  func expectedRecords() throws -> [ExpectedRecord] {
    let text = try String(
      contentsOf: Self.folder.appendingPathComponent("PORTAL.md"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line -> ExpectedRecord? in
      let cols = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard cols.count >= 9, cols[1] == "rec", let row = Int(cols[4]) else { return nil }
      var values: [String: String] = [:]
      for pair in cols[7].components(separatedBy: "; ") {
        let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
        if kv.count == 2 { values[kv[0]] = kv[1] }
      }
      return ExpectedRecord(
        file: cols[2], sheet: cols[3], row: row, domain: cols[5], opd: cols[6], values: values,
        extra: cols[8].isEmpty ? [] : cols[8].components(separatedBy: "; "))
    }
  }

  /// `expectClean`: exit status 0 (the bundled inputs hold rejected rows on purpose).
  func run(_ inputs: URL, expectClean: Bool = true) throws -> [String: Any] {
    let out = try Binary.temporaryFolder("portal-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    if expectClean { XCTAssertEqual(r.status, 0, r.stderr) }
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    return try Binary.loadJSON(json)
  }

  func testThePortalsColumnsReadIntoTheNewFields() throws {
    let inputs = try Binary.temporaryFolder("portal")
    for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
    where name.hasSuffix(".xlsx") {
      try FileManager.default.copyItem(
        at: Self.folder.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
    }
    let doc = try run(inputs)
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, 0, "no record is rejected")
    let expected = try expectedRecords()
    XCTAssertGreaterThan(expected.count, 10)
    var accepted = 0
    for domain in ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"] {
      accepted += (doc[domain] as? [Any])?.count ?? 0
    }
    XCTAssertEqual(accepted, expected.count, "every accepted record is one of PORTAL.md")
    for e in expected {
      let at = "\(e.file) › \(e.sheet) › \(e.row)"
      let records = try XCTUnwrap(doc[e.domain] as? [[String: Any]])
      guard
        let rec = records.first(where: { rec in
          let asal = rec["asal"] as? [String: Any]
          return asal?["berkas"] as? String == e.file && asal?["lembar"] as? String == e.sheet
            && asal?["baris"] as? Int == e.row
        })
      else {
        XCTFail("not accepted: \(at)")
        continue
      }
      XCTAssertEqual(rec["opd"] as? String, e.opd, at)
      for (k, v) in e.values {
        XCTAssertEqual(OfficialFormsTests.text(rec[k]), v, "\(k) of \(at)")
      }
      let tambahan = rec["tambahan"] as? [String: Any] ?? [:]
      XCTAssertEqual(Set(tambahan.keys), Set(e.extra), "tambahan of \(at)")
    }

    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    let listed = try MistakesTests.expectations(Self.folder.appendingPathComponent("PORTAL.md"))
    for e in listed {
      XCTAssertTrue(findings.contains { MistakesTests.matches($0, e) }, "not found: \(e)")
    }
    for f in findings {
      XCTAssertTrue(
        listed.contains { MistakesTests.matches(f, $0) },
        "unexpected: \(f["jenis"] ?? "") \(f["lembar"] ?? "") \(f["sel"] ?? "")")
      // The portal's fields never reject a record.
      XCTAssertNotEqual(f["tingkat"] as? String, "kesalahan", "\(f)")
    }
    func finding(_ type: String) -> [String: Any]? {
      findings.first { $0["jenis"] as? String == type }
    }
    let tier = try XCTUnwrap(finding("kolom-tidak-berlaku"))
    XCTAssertEqual(tier["tingkat"] as? String, "info")
    XCTAssertEqual(tier["bidang"] as? String, "klasifikasi_tier")
    XCTAssertTrue((tier["pesan"] as? String)?.contains("Perangkat Keras Server") ?? false)
    let dates = try XCTUnwrap(finding("di-luar-rentang"))
    XCTAssertEqual(dates["tingkat"] as? String, "peringatan")
    XCTAssertEqual(dates["bidang"] as? String, "tanggal_akhir")
    XCTAssertTrue((dates["pesan"] as? String)?.contains("2024-07-01") ?? false)
  }

  /// On the bundled inputs, no finding of a `lunak` field is an error, so the
  /// portal's fields reject nothing the standard accepted before them.
  func testTheNewFieldsRejectNoBundledRecord() throws {
    let doc = try run(
      Binary.packageRoot.appendingPathComponent("inputs"), expectClean: false)
    let standard = try Binary.loadJSON(
      Binary.packageRoot.appendingPathComponent("Sources/Standard/Resources/domains.json"))
    var lenient = Set<String>()
    for d in standard["domains"] as? [[String: Any]] ?? [] {
      for f in d["fields"] as? [[String: Any]] ?? [] where f["lunak"] as? Bool == true {
        lenient.insert(f["key"] as? String ?? "")
      }
    }
    XCTAssertGreaterThan(lenient.count, 30)
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    for f in findings where lenient.contains(f["bidang"] as? String ?? "") {
      XCTAssertNotEqual(f["tingkat"] as? String, "kesalahan", "\(f)")
    }
  }

  /// `pipeline template` carries the new fields and their dropdowns, and its
  /// version stamp is the current one.
  func testTheTemplateCarriesThePortalsFields() throws {
    let dir = try Binary.temporaryFolder("portal-template")
    XCTAssertEqual(try Binary.run(["template", "--outputs", dir.path]).status, 0)
    let script = """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      for name in ("Aplikasi", "Infrastruktur", "Keamanan"):
          print(name, "|".join(str(c.value) for c in wb[name][1]))
      lists = wb["Daftar Pilihan"]
      print("stamp", lists["A2"].value)
      print("lists", "|".join(str(c.value) for c in lists[1]))
      """
    let template = try XCTUnwrap(
      FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".xlsx") })
    let r = try Binary.tool(["python3", "-c", script, dir.appendingPathComponent(template).path])
    XCTAssertEqual(r.status, 0, r.stderr)
    let lines = Dictionary(
      r.stdout.split(separator: "\n").map { line -> (String, [String]) in
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1].components(separatedBy: "|") : [])
      }, uniquingKeysWith: { a, _ in a })
    for label in ["Kerangka Pengembangan", "Sumber Dana", "Biaya Pemeliharaan", "Tahun Anggaran"] {
      XCTAssertTrue(lines["Aplikasi"]?.contains(label) ?? false, label)
    }
    for label in ["Tipe Government Cloud", "Klasifikasi Tier", "Metode Akses", "Unit Pengelola"] {
      XCTAssertTrue(lines["Infrastruktur"]?.contains(label) ?? false, label)
    }
    XCTAssertTrue(lines["Keamanan"]?.contains("Tanggal Akhir") ?? false)
    XCTAssertNotEqual(lines["stamp"], ["1"], "the template version is bumped")
    for list in [
      "sumber_dana", "tipe_government_cloud", "klasifikasi_tier", "metode_akses",
      "teknologi_prosesor",
    ] {
      XCTAssertTrue(lines["lists"]?.contains(list) ?? false, list)
    }
  }
}
