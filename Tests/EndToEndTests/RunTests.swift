import Foundation
import XCTest

/// `pipeline run` end to end on real workbooks: the bundled inputs, a folder
/// saved by LibreOffice in both layouts, and a folder of deliberate mistakes.
final class RunTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]

  func runFolder(_ inputs: URL, _ extra: [String] = [], env: [String: String] = [:]) throws -> (
    Binary.Result, URL
  ) {
    let out = try Binary.temporaryFolder("out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"] + extra,
      environment: epoch.merging(env) { $1 })
    return (r, out)
  }

  /// Every table's rows add up, and every rejected record names its findings.
  func assertAccounting(_ doc: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
    let sources = doc["sumber"] as? [[String: Any]] ?? []
    var accepted = 0
    var rejected = 0
    for s in sources {
      for t in s["tabel"] as? [[String: Any]] ?? [] {
        let data = t["baris_data"] as? Int ?? -1
        let a = t["diterima"] as? Int ?? -1
        let r = t["ditolak"] as? Int ?? -1
        XCTAssertEqual(
          data, a + r, "\(s["berkas"] ?? "") \(t["lembar"] ?? "")", file: file, line: line)
        accepted += a
        rejected += r
      }
    }
    let domains = ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"]
    let records = domains.reduce(0) { $0 + ((doc[$1] as? [Any])?.count ?? 0) }
    XCTAssertEqual(records, accepted, file: file, line: line)
    let ditolak = doc["ditolak"] as? [[String: Any]] ?? []
    XCTAssertEqual(ditolak.count, rejected, file: file, line: line)
    let ids = Set((doc["temuan"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    for d in ditolak {
      let refs = d["temuan"] as? [String] ?? []
      XCTAssertFalse(refs.isEmpty, "a rejected record without a reason", file: file, line: line)
      for id in refs { XCTAssertTrue(ids.contains(id), id, file: file, line: line) }
    }
  }

  func testBundledInputs() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let (r, out) = try runFolder(inputs)
    XCTAssertEqual(r.status, 1, r.stderr)  // the demonstration set carries real mistakes
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let doc = try Binary.loadJSON(json)
    assertAccounting(doc)
    let summary = try XCTUnwrap(doc["ringkasan"] as? [String: Any])
    XCTAssertGreaterThan(summary["diterima"] as? Int ?? 0, 100)
    let sources = try XCTUnwrap(doc["sumber"] as? [[String: Any]])
    XCTAssertFalse(sources.contains { ($0["berkas"] as? String)?.hasPrefix("~$") ?? false })
    let csv = try Data(contentsOf: out.appendingPathComponent("temuan.csv"))
    XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])  // UTF-8 BOM for spreadsheet programs
    XCTAssertTrue(
      String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("id,jenis,tingkat,berkas"))
    let findings = try XCTUnwrap(doc["temuan"] as? [Any])
    XCTAssertFalse(findings.isEmpty)
  }

  func testLibreOfficeFolderComesThroughClean() throws {
    let inputs = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    try XCTSkipUnless(FileManager.default.fileExists(atPath: inputs.path))
    let (r, out) = try runFolder(inputs)
    XCTAssertEqual(r.status, 0, r.stderr)
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let doc = try Binary.loadJSON(json)
    assertAccounting(doc)
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    let spurious = findings.filter { ($0["tingkat"] as? String) != "info" }
    XCTAssertEqual(spurious.count, 0, "\(spurious.prefix(5))")
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, 0)
    for domain in ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"] {
      XCTAssertFalse((doc[domain] as? [Any] ?? []).isEmpty, domain)
    }
  }

  func testSameInputsGiveTheSameBytesWhateverTheJobsOrOrder() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let (_, one) = try runFolder(inputs, ["--jobs", "1"])
    let (_, two) = try runFolder(inputs, ["--jobs", "2"])
    // The same files copied in another order of creation (another directory order).
    let shuffled = try Binary.temporaryFolder("shuffled")
    let names = try FileManager.default.subpathsOfDirectory(atPath: inputs.path).sorted().reversed()
    for name in names {
      var isDir: ObjCBool = false
      let src = inputs.appendingPathComponent(name)
      FileManager.default.fileExists(atPath: src.path, isDirectory: &isDir)
      let dst = shuffled.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: dst.deletingLastPathComponent(), withIntermediateDirectories: true)
      if !isDir.boolValue { try FileManager.default.copyItem(at: src, to: dst) }
    }
    let (_, three) = try runFolder(shuffled, ["--jobs", "2"])
    let a = try Data(contentsOf: one.appendingPathComponent("arsitektur-spbe.json"))
    XCTAssertEqual(a, try Data(contentsOf: two.appendingPathComponent("arsitektur-spbe.json")))
    XCTAssertEqual(a, try Data(contentsOf: three.appendingPathComponent("arsitektur-spbe.json")))
    // The workbook too: its parts are dated by SOURCE_DATE_EPOCH.
    let book = try Data(contentsOf: one.appendingPathComponent("konsolidasi.xlsx"))
    XCTAssertEqual(book, try Data(contentsOf: three.appendingPathComponent("konsolidasi.xlsx")))
    let doc = try Binary.loadJSON(one.appendingPathComponent("arsitektur-spbe.json"))
    XCTAssertEqual(doc["dibuat_pada"] as? String, "2026-01-01T00:00:00Z")
  }

  func testExitCodes() throws {
    let empty = try Binary.temporaryFolder("empty")
    let (r3, _) = try runFolder(empty)
    XCTAssertEqual(r3.status, 3)
    XCTAssertTrue(r3.stderr.contains("kosong"), r3.stderr)

    let missing = empty.appendingPathComponent("tidak-ada")
    XCTAssertEqual(try runFolder(missing).0.status, 3)

    let cfg = empty.appendingPathComponent("pipeline.yml")
    try Data("bahasaa: id\n".utf8).write(to: cfg)
    let r2 = try Binary.run(["run", "--config", cfg.path])
    XCTAssertEqual(r2.status, 2)
    XCTAssertTrue(r2.stderr.contains("bahasaa"), r2.stderr)

    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    XCTAssertEqual(try runFolder(inputs, ["--fail-on", "tidak"]).0.status, 0)
    let en = try runFolder(inputs, ["--lang", "en"])
    let doc = try Binary.loadJSON(en.1.appendingPathComponent("arsitektur-spbe.json"))
    let first = (doc["temuan"] as? [[String: Any]])?.first?["pesan"] as? String ?? ""
    XCTAssertFalse(first.isEmpty)
  }

  /// `tahapan` without `emit` stops before the outputs: nothing is written, not
  /// even the outputs folder; with `emit` the outputs are there.
  func testStagesStopBeforeEmitOrWrite() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    for (stages, writes) in [
      ("[validate]", false), ("[validate, consolidate]", false),
      ("[validate, consolidate, emit]", true),
    ] {
      let dir = try Binary.temporaryFolder("stages")
      defer { try? FileManager.default.removeItem(at: dir) }
      let out = dir.appendingPathComponent("keluaran")
      let cfg = dir.appendingPathComponent("pipeline.yml")
      try Data(
        "masukan: \(inputs.path)\nkeluaran: \(out.path)\ntahapan: \(stages)\n".utf8
      ).write(to: cfg)
      let r = try Binary.run(
        ["run", "--config", cfg.path, "--fail-on", "tidak"], environment: epoch)
      XCTAssertEqual(r.status, 0, stages + r.stderr)
      XCTAssertEqual(
        FileManager.default.fileExists(
          atPath: out.appendingPathComponent("arsitektur-spbe.json").path),
        writes, stages)
      if !writes { XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), stages) }
    }
  }

  /// A run keeps nothing of its own beside the outputs but the lock, and the
  /// removed cache's option is refused.
  func testARunKeepsNoResultCache() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let (r, out) = try runFolder(inputs, ["--fail-on", "tidak"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      $0.hasPrefix(".")
    }
    // The lock, and the mark of the round the set belongs to (see History).
    XCTAssertEqual(hidden.sorted(), [".pipeline-putaran", ".pipeline.lock"])
    // Refused as an unknown option, before any file is read (not a run ending on findings).
    let refused = try runFolder(inputs, ["--no-cache"]).0
    XCTAssertFalse([0, 1].contains(refused.status), "\(refused.status)")
    XCTAssertTrue(refused.stderr.contains("--no-cache"), refused.stderr)
  }

  func testAnUnreadableFileDoesNotStopTheOthers() throws {
    let dir = try Binary.temporaryFolder("mixed")
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let some = try FileManager.default.contentsOfDirectory(atPath: inputs.path).filter {
      $0.hasSuffix(".xlsx") && !$0.hasPrefix("~$")
    }.sorted().prefix(2)
    for n in some {
      try FileManager.default.copyItem(
        at: inputs.appendingPathComponent(n), to: dir.appendingPathComponent(n))
    }
    try Data("PK\u{03}\u{04}rusak".utf8).write(to: dir.appendingPathComponent("rusak.xlsx"))
    let (r, out) = try runFolder(dir, ["--fail-on", "tidak"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let sources = try XCTUnwrap(doc["sumber"] as? [[String: Any]])
    XCTAssertEqual(sources.count, some.count + 1)
    XCTAssertEqual(sources.filter { $0["status"] as? String == "gagal" }.count, 1)
    XCTAssertGreaterThan((doc["ringkasan"] as? [String: Any])?["diterima"] as? Int ?? 0, 0)
  }

  /// An OPD whose only file cannot be read did send something: the JSON lists
  /// the file under that OPD and does not count it among those that sent nothing.
  func testAnUnreadableFileNamedAfterAnOPDCountsAsSent() throws {
    let dir = try Binary.temporaryFolder("unreadable-named")
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    try FileManager.default.copyItem(
      at: inputs.appendingPathComponent("Bapenda.xlsx"),
      to: dir.appendingPathComponent("Bapenda.xlsx"))
    try Data("PK\u{03}\u{04}rusak".utf8).write(to: dir.appendingPathComponent("Dinkes.xlsx"))
    let (r, out) = try runFolder(dir, ["--fail-on", "tidak"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let offices = try XCTUnwrap(doc["opd"] as? [[String: Any]])
    let dinkes = try XCTUnwrap(offices.first { $0["singkatan"] as? String == "Dinkes" })
    XCTAssertEqual(dinkes["berkas"] as? [String], ["Dinkes.xlsx"])
    let counts = try XCTUnwrap(dinkes["jumlah"] as? [String: Int])
    XCTAssertEqual(counts.values.reduce(0, +), 0)
    let silent = try XCTUnwrap(
      (doc["ringkasan"] as? [String: Any])?["opd_tanpa_kiriman"] as? [String])
    XCTAssertFalse(silent.contains(try XCTUnwrap(dinkes["kode"] as? String)))
    let sending = offices.filter { !(($0["berkas"] as? [String]) ?? []).isEmpty }
    XCTAssertEqual(sending.count, 2)
    XCTAssertEqual(silent.count, offices.count - sending.count)
  }
  /// A `SOURCE_DATE_EPOCH` that is no time of years 1970 to 9999 (or no
  /// number) is a clear error naming the variable, exit 2, not a crash; the
  /// last second of 9999 still runs.
  func testSourceDateEpochOutsideTheYearsAnOutputCanShow() throws {
    let inputs = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    for bad in ["9223372036854775807", "253402300800", "-1", "kemarin", ""] {
      let (r, out) = try runFolder(inputs, env: ["SOURCE_DATE_EPOCH": bad])
      XCTAssertEqual(r.status, 2, "\(bad): \(r.stderr)")
      XCTAssertFalse(r.timedOut, bad)
      XCTAssertTrue(r.stderr.contains("SOURCE_DATE_EPOCH"), r.stderr)
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }
    let (r, out) = try runFolder(inputs, env: ["SOURCE_DATE_EPOCH": "253402300799"])
    XCTAssertEqual(r.status, 0, r.stderr)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    XCTAssertEqual(doc["dibuat_pada"] as? String, "9999-12-31T23:59:59Z")
  }

  /// Folders a run must not replace whole are refused, exit 2, untouched: the
  /// inputs folder, a folder above it, the current folder, the home folder.
  /// An outputs folder inside the inputs folder is allowed.
  func testDangerousOutputsFoldersAreRefused() throws {
    let work = try Binary.temporaryFolder("targets")
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = work.appendingPathComponent("masukan")
    try FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/libreoffice"),
      to: inputs)
    let home = try Binary.temporaryFolder("rumah")
    let here = try Binary.temporaryFolder("kerja")
    defer {
      try? FileManager.default.removeItem(at: home)
      try? FileManager.default.removeItem(at: here)
    }
    let cases: [(outputs: String, words: String)] = [
      (inputs.path, "memuat folder masukan"),
      (inputs.path + "/", "memuat folder masukan"),
      (work.path, "memuat folder masukan"),
      (".", "folder saat ini"),
      (home.path, "folder rumah"),
    ]
    let before = try FileManager.default.subpathsOfDirectory(atPath: work.path).sorted()
    for c in cases {
      let r = try Binary.run(
        ["run", "--inputs", inputs.path, "--outputs", c.outputs, "--quiet"],
        environment: epoch.merging(["HOME": home.path]) { $1 }, in: here)
      XCTAssertEqual(r.status, 2, "\(c.outputs): \(r.stderr)")
      XCTAssertTrue(r.stderr.contains(c.words), "\(c.outputs): \(r.stderr)")
      XCTAssertEqual(
        try FileManager.default.subpathsOfDirectory(atPath: work.path).sorted(), before)
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: home.path), [])
      XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: here.path), [])
    }
    let inside = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", inputs.path + "/hasil", "--quiet"],
      environment: epoch)
    XCTAssertEqual(inside.status, 0, inside.stderr)
  }
}
