import Foundation
import XCTest

/// `pipeline gabung`: documents made by `pipeline run` for three made-up
/// instansi from the bundled inputs, then merged.
final class GabungTests: XCTestCase {
  static let domains = [
    "proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan",
  ]

  struct Instansi {
    let name: String
    let code: String
    let epoch: Int
    /// Which of the bundled inputs it sends (all when empty).
    let files: [String]
  }

  static let three = [
    Instansi(name: "Pemerintah Kabupaten Serang", code: "36.04", epoch: 1_767_225_600, files: []),
    Instansi(
      name: "Pemerintah Kota Contoh", code: "36.72", epoch: 1_767_312_000,
      files: ["Bapenda.xlsx", "dinkes.xlsx", "Diskominfosatik.xlsx"]),
    Instansi(
      name: "Pemerintah Provinsi Contoh", code: "36", epoch: 1_767_398_400,
      files: ["Inspektorat.xlsx", "DPMPTSP.xlsx", "dpmptsp_layanan.csv"]),
  ]

  let epoch = ["SOURCE_DATE_EPOCH": "1767484800"]
  var work: URL!

  override func setUpWithError() throws {
    work = try Binary.temporaryFolder("gabung")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: work)
  }

  /// `pipeline run` for one instansi, with its own pipeline.yml; returns its document.
  func document(_ i: Instansi, as name: String) throws -> URL {
    let root = work.appendingPathComponent("run-\(name)")
    let inputs = root.appendingPathComponent("inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let bundled = Binary.packageRoot.appendingPathComponent("inputs")
    let files =
      i.files.isEmpty
      ? try FileManager.default.contentsOfDirectory(atPath: bundled.path) : i.files
    for f in files {
      try FileManager.default.copyItem(
        at: bundled.appendingPathComponent(f), to: inputs.appendingPathComponent(f))
    }
    let config = """
      instansi:
        nama: \(i.name)
        kode_wilayah: "\(i.code)"
      periode: "2025-2029"
      masukan: inputs
      keluaran: outputs
      format_keluaran: [json]
      """
    try config.write(
      to: root.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
    let r = try Binary.run(
      ["run", "--quiet"], environment: ["SOURCE_DATE_EPOCH": String(i.epoch)], in: root)
    XCTAssertTrue([0, 1].contains(r.status), r.stderr)
    let made = root.appendingPathComponent("outputs/arsitektur-spbe.json")
    let doc = work.appendingPathComponent("\(name).json")
    try FileManager.default.copyItem(at: made, to: doc)
    return doc
  }

  func gabung(_ paths: [URL], outputs: URL, _ extra: [String] = []) throws -> Binary.Result {
    try Binary.run(
      ["gabung"] + paths.map(\.path) + ["--outputs", outputs.path] + extra, environment: epoch)
  }

  func schemaErrors(_ json: URL) throws -> String {
    let schema = Binary.packageRoot.appendingPathComponent(
      "Sources/Emit/Resources/arsitektur-nasional.schema.json")
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
      jsonschema.Draft202012Validator.check_schema(schema)
      v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
      errs = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
      for e in errs[:20]: print(list(e.absolute_path), e.message[:300])
      sys.exit(1 if errs else 0)
      """
    let r = try Binary.tool(["python3", "-c", script, schema.path, json.path])
    return r.status == 0 ? "" : r.stdout + r.stderr
  }

  func testThreeInstansiMergeWithTheirTotalsAndTheirCodes() throws {
    let docs = try Self.three.enumerated().map { try document($0.element, as: "doc\($0.offset)") }
    let out = work.appendingPathComponent("nasional")
    let r = try gabung(docs, outputs: out)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        .sorted(), ["arsitektur-nasional.json", "nasional.html", "nasional.xlsx"])

    let merged = try Binary.loadJSON(out.appendingPathComponent("arsitektur-nasional.json"))
    XCTAssertEqual(merged["format"] as? String, "spbe-nasional/1")
    XCTAssertEqual(try schemaErrors(out.appendingPathComponent("arsitektur-nasional.json")), "")

    let sources = try docs.map { try Binary.loadJSON($0) }
    let entries = try XCTUnwrap(merged["instansi"] as? [[String: Any]])
    // Ordered by kode_wilayah: 36, 36.04, 36.72.
    XCTAssertEqual(entries.compactMap { $0["kode_wilayah"] as? String }, ["36", "36.04", "36.72"])
    var nationalAccepted = 0
    var nationalRejected = 0
    for entry in entries {
      let code = try XCTUnwrap(entry["kode_wilayah"] as? String)
      let source = try XCTUnwrap(
        sources.first { ($0["instansi"] as? [String: Any])?["kode_wilayah"] as? String == code })
      let summary = try XCTUnwrap(source["ringkasan"] as? [String: Any])
      XCTAssertEqual(entry["ringkasan"] as? NSDictionary, summary as NSDictionary)
      XCTAssertEqual(entry["dibuat_pada"] as? String, source["dibuat_pada"] as? String)
      XCTAssertEqual(
        entry["nama"] as? String, (source["instansi"] as? [String: Any])?["nama"] as? String)
      let counts = try XCTUnwrap(entry["jumlah"] as? [String: Int])
      // Counted from the records merged, equal to what the instansi reported.
      XCTAssertEqual(counts.values.reduce(0, +), summary["diterima"] as? Int, code)
      for d in Self.domains {
        XCTAssertEqual(counts[d], (source[d] as? [Any])?.count, "\(code) \(d)")
      }
      XCTAssertEqual(
        (entry["daftar_kode"] as? [[String: String]])?.map { $0["edisi"] ?? "" },
        (source["daftar_kode"] as? [[String: Any]])?.map { $0["edisi"] as? String ?? "" })
      nationalAccepted += summary["diterima"] as? Int ?? 0
      nationalRejected += summary["ditolak"] as? Int ?? 0
    }
    XCTAssertGreaterThan(nationalAccepted, 0)
    let total = try XCTUnwrap(merged["ringkasan"] as? [String: Any])
    XCTAssertEqual(total["instansi"] as? Int, 3)
    XCTAssertEqual(total["diterima"] as? Int, nationalAccepted)
    XCTAssertEqual(total["ditolak"] as? Int, nationalRejected)

    // Every record carries its instansi's code and is otherwise the instansi's own,
    // in kode_wilayah order, then the document's.
    for d in Self.domains {
      let records = try XCTUnwrap(merged[d] as? [[String: Any]])
      var expected: [NSDictionary] = []
      for code in ["36", "36.04", "36.72"] {
        let source = sources.first {
          ($0["instansi"] as? [String: Any])?["kode_wilayah"] as? String == code
        }
        for rec in source?[d] as? [[String: Any]] ?? [] {
          var withCode = rec
          withCode["kode_wilayah"] = code
          expected.append(withCode as NSDictionary)
        }
      }
      XCTAssertEqual(records.map { $0 as NSDictionary }, expected, d)
    }

    // The workbook: one row per instansi, then the national totals.
    let check = """
      import json, openpyxl, sys
      wb = openpyxl.load_workbook(sys.argv[1])
      rows = list(wb["Ringkasan"].iter_rows(min_row=5, values_only=True))
      print(json.dumps({"sheets": len(wb.sheetnames), "codes": [r[0] for r in rows if r[0]],
        "accepted": [r[10] for r in rows if r[0]], "total": [r[10] for r in rows if r[1] == "Jumlah"],
        "records": [wb.sheetnames and wb[n].max_row - 1 for n in wb.sheetnames[1:]]}))
      """
    let x = try Binary.tool(
      ["python3", "-c", check, out.appendingPathComponent("nasional.xlsx").path])
    XCTAssertEqual(x.status, 0, x.stderr)
    let book = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(x.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(book["sheets"] as? Int, 7)
    XCTAssertEqual(book["codes"] as? [String], ["36", "36.04", "36.72"])
    XCTAssertEqual(
      book["accepted"] as? [Int],
      entries.map { ($0["ringkasan"] as? [String: Any])?["diterima"] as? Int ?? -1 })
    XCTAssertEqual(book["total"] as? [Int], [nationalAccepted])
    XCTAssertEqual(
      book["records"] as? [Int], Self.domains.map { (merged[$0] as? [Any])?.count ?? -1 })

    let page = try String(contentsOf: out.appendingPathComponent("nasional.html"), encoding: .utf8)
    XCTAssertTrue(page.contains("Content-Security-Policy"))
    XCTAssertTrue(page.contains("Pemerintah Kota Contoh"))
    XCTAssertTrue(page.contains("Kelengkapan instansi × domain"))
    XCTAssertFalse(page.contains("<script"))
  }

  func testAnotherOrderGivesTheSameBytes() throws {
    let docs = try Self.three.enumerated().map { try document($0.element, as: "doc\($0.offset)") }
    let a = work.appendingPathComponent("a")
    let b = work.appendingPathComponent("b")
    let c = work.appendingPathComponent("c")
    XCTAssertEqual(try gabung(docs, outputs: a).status, 0)
    XCTAssertEqual(try gabung([docs[2], docs[0], docs[1]], outputs: b).status, 0)
    // A folder of them, too (the outputs folder beside them is not read).
    let folder = work.appendingPathComponent("kiriman")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (n, d) in docs.reversed().enumerated() {
      try FileManager.default.copyItem(at: d, to: folder.appendingPathComponent("doc\(2 - n).json"))
    }
    XCTAssertEqual(try gabung([folder], outputs: c).status, 0)
    for name in ["arsitektur-nasional.json", "nasional.xlsx", "nasional.html"] {
      let first = try Data(contentsOf: a.appendingPathComponent(name))
      XCTAssertEqual(first, try Data(contentsOf: b.appendingPathComponent(name)), name)
      XCTAssertEqual(first, try Data(contentsOf: c.appendingPathComponent(name)), name)
    }
  }

  func testAnotherFormatVersionStopsNamingIt() throws {
    let good = try document(Self.three[1], as: "kota")
    let text = try String(contentsOf: good, encoding: .utf8)
    let other = work.appendingPathComponent("versi-baru.json")
    try text.replacingOccurrences(of: "\"spbe-arsitektur/1\"", with: "\"spbe-arsitektur/2\"")
      .write(to: other, atomically: true, encoding: .utf8)
    let out = work.appendingPathComponent("nasional")
    let r = try gabung([good, other], outputs: out)
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("versi-baru.json"), r.stderr)
    XCTAssertTrue(r.stderr.contains("spbe-arsitektur/2"), r.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
  }

  func testTheLaterDocumentOfAnInstansiWins() throws {
    let old = try document(
      Instansi(
        name: "Kota Contoh (lama)", code: "36.72", epoch: 1_767_225_600, files: ["Bapenda.xlsx"]),
      as: "lama")
    let new = try document(Self.three[1], as: "baru")
    let other = try document(Self.three[2], as: "prov")
    var outputs: [Data] = []
    for (n, order) in [[old, new, other], [new, other, old]].enumerated() {
      let out = work.appendingPathComponent("out\(n)")
      let r = try gabung(order, outputs: out)
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertTrue(r.stderr.contains("36.72"), r.stderr)
      XCTAssertTrue(r.stderr.contains("lama.json"), r.stderr)
      let merged = try Binary.loadJSON(out.appendingPathComponent("arsitektur-nasional.json"))
      let entries = merged["instansi"] as? [[String: Any]] ?? []
      XCTAssertEqual(
        entries.compactMap { $0["nama"] as? String },
        ["Pemerintah Provinsi Contoh", "Pemerintah Kota Contoh"])
      let replaced = merged["diganti"] as? [[String: String]] ?? []
      XCTAssertEqual(replaced.map { $0["berkas"] }, ["lama.json"])
      XCTAssertEqual(replaced.map { $0["diganti_oleh"] }, ["baru.json"])
      let page = try String(
        contentsOf: out.appendingPathComponent("nasional.html"), encoding: .utf8)
      XCTAssertTrue(page.contains("lama.json"))
      outputs.append(try Data(contentsOf: out.appendingPathComponent("arsitektur-nasional.json")))
    }
    XCTAssertEqual(outputs[0], outputs[1])
  }

  func testAnotherCodelistEditionIsMergedAndSaid() throws {
    let good = try document(Self.three[2], as: "prov")
    let text = try String(contentsOf: good, encoding: .utf8)
    let range = try XCTUnwrap(text.range(of: #""edisi": "[^"]*""#, options: .regularExpression))
    let older = work.appendingPathComponent("edisi-lama.json")
    try text.replacingCharacters(in: range, with: #""edisi": "1999-lama""#)
      .write(to: older, atomically: true, encoding: .utf8)
    let out = work.appendingPathComponent("nasional")
    let r = try gabung([older], outputs: out, ["--lang", "en"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("edition 1999-lama"), r.stderr)
    let page = try String(contentsOf: out.appendingPathComponent("nasional.html"), encoding: .utf8)
    XCTAssertTrue(page.contains("<strong>1999-lama</strong>"))
    XCTAssertTrue(page.contains("Codelist editions"))
  }

  func testNothingReadableExitsThreeSayingWhere() throws {
    let good = try document(Self.three[2], as: "prov")
    let text = try Data(contentsOf: good)
    let cut = work.appendingPathComponent("terpotong.json")
    try text.prefix(1000).write(to: cut)
    let notJSON = work.appendingPathComponent("bukan.json")
    try Data("<html>".utf8).write(to: notJSON)
    let out = work.appendingPathComponent("nasional")
    let r = try gabung([cut, notJSON, work.appendingPathComponent("tidak-ada.json")], outputs: out)
    XCTAssertEqual(r.status, 3)
    XCTAssertTrue(r.stderr.contains("terpotong.json tidak dapat dibaca pada byte 1000"), r.stderr)
    XCTAssertTrue(r.stderr.contains("bukan.json tidak dapat dibaca pada byte 0"), r.stderr)
    XCTAssertTrue(r.stderr.contains("tidak-ada.json tidak ada"), r.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    // One readable beside them: merged, the others said.
    let r2 = try gabung([cut, good], outputs: out)
    XCTAssertEqual(r2.status, 0, r2.stderr)
    XCTAssertTrue(r2.stderr.contains("terpotong.json"), r2.stderr)
  }

  func testUsageErrorsExitTwo() throws {
    XCTAssertEqual(try Binary.run(["gabung", "--outputs", work.path + "/x"]).status, 2)
    XCTAssertEqual(try Binary.run(["gabung", work.path]).status, 2)
  }
}
