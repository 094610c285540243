import Foundation
import XCTest

/// Rounds (issue 17): two rounds on a copy of the bundled inputs, the second
/// after one OPD fixed a planted mistake, deleted a row and added one; what
/// changed, the history, the stable keys, and that a round is recorded if and
/// only if its outputs were committed.
final class RoundTests: XCTestCase {
  var work: URL!
  var out: URL { work.appendingPathComponent("outputs") }
  /// The OPD whose file is edited between the rounds, and the file.
  let editedFile = "Diskominfosatik - Infrastruktur.csv"

  override func setUpWithError() throws {
    work = try Binary.temporaryFolder("rounds")
    try FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("inputs"),
      to: work.appendingPathComponent("inputs"))
    // The bundled configuration, so the history goes beside it: work/riwayat.
    try FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("pipeline.yml"),
      to: work.appendingPathComponent("pipeline.yml"))
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: work)
  }

  @discardableResult
  func run(_ args: [String] = [], epoch: Int = 1_767_225_600, fault: String? = nil) throws
    -> Binary.Result
  {
    var env = ["SOURCE_DATE_EPOCH": String(epoch)]
    if let fault { env["PIPELINE_FAULT"] = fault }
    return try Binary.run(["run", "--quiet"] + args, environment: env, in: work)
  }

  func history() throws -> [String] {
    let r = try Binary.run(["riwayat"], in: work)
    XCTAssertEqual(r.status, 0, r.stderr)
    return r.stdout.split(separator: "\n").map(String.init)
  }

  /// This outputs folder's history: its one folder inside `riwayat/`.
  func historyFolder() throws -> URL {
    let root = work.appendingPathComponent("riwayat")
    let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
    XCTAssertEqual(names.count, 1, "\(names)")
    XCTAssertTrue(names[0].hasPrefix("outputs-"), names[0])
    return root.appendingPathComponent(names[0])
  }

  /// The JSON round `n` recorded, decompressed.
  func recorded(_ n: Int, in folder: URL) throws -> Data {
    let name = "putaran-" + String(format: "%04d", n)
    var file = folder.appendingPathComponent(name).appendingPathComponent(
      "arsitektur-spbe.json.gz")
    if !FileManager.default.fileExists(atPath: file.path) {
      // Not made final yet: the staged round the live outputs name.
      let mark = try String(
        contentsOf: out.appendingPathComponent(".pipeline-putaran"), encoding: .utf8)
      let lines = mark.split(separator: "\n").map(String.init)
      XCTAssertEqual(lines.first, String(n))
      file = folder.appendingPathComponent(lines[1]).appendingPathComponent(
        "arsitektur-spbe.json.gz")
    }
    let r = try Binary.tool(["gzip", "-dc", file.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    return Data(r.stdout.utf8)
  }

  /// Rewrites the edited CSV line by line.
  func edit(_ change: (inout [String]) throws -> Void) throws {
    let csv = work.appendingPathComponent("inputs").appendingPathComponent(editedFile)
    var rows = try lines(of: csv).filter { !$0.isEmpty }
    try change(&rows)
    try (rows.joined(separator: "\r\n") + "\r\n").write(to: csv, atomically: true, encoding: .utf8)
  }

  /// A finding's key does not depend on its row: deleting a row above it moves
  /// its cell up, not its key.
  func testKeysDoNotDependOnTheRow() throws {
    XCTAssertEqual(try run(["--tanpa-riwayat"]).status, 1)
    func planted() throws -> [String: Any] {
      let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
      return try XCTUnwrap(
        (doc["temuan"] as? [[String: Any]])?.first {
          $0["berkas"] as? String == editedFile && $0["jenis"] as? String == "kode-tidak-dikenal"
        })
    }
    let before = try planted()
    XCTAssertEqual(before["sel"] as? String, "F6")
    try edit { rows in rows.removeAll { $0.hasPrefix("2;INF-02;") } }
    XCTAssertEqual(try run(["--tanpa-riwayat"]).status, 1)
    let after = try planted()
    XCTAssertEqual(after["sel"] as? String, "F5")
    XCTAssertEqual(after["kunci"] as? String, before["kunci"] as? String)
    XCTAssertNotEqual(after["id"] as? String, nil)
  }

  /// The lines of a CSV (its line ends are CR LF).
  func lines(of csv: URL) throws -> [String] {
    let text = try String(contentsOf: csv, encoding: .utf8)
    XCTAssertTrue(text.contains("\r\n"), "the bundled CSV ends its lines with CR LF")
    return text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The acceptance scenario of issue 17.
  func testTwoRoundsSayWhatOneOPDChanged() throws {
    XCTAssertEqual(try run().status, 1)
    let first = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let firstChanges = try Binary.loadJSON(out.appendingPathComponent("perubahan.json"))
    XCTAssertEqual(firstChanges["putaran"] as? Int, 1)
    XCTAssertTrue(firstChanges["banding"] is NSNull)
    XCTAssertEqual((firstChanges["opd"] as? [Any])?.count, 0)
    let report1 = try String(
      contentsOf: out.appendingPathComponent("laporan.html"), encoding: .utf8)
    XCTAssertTrue(
      report1.contains("Putaran pertama"), "the first round says it has nothing to compare with")

    // One OPD edits one file: fixes the planted unknown RAI code of INF-05
    // (RAI.04.01, read as no code), deletes INF-06 and adds INF-08.
    try edit { rows in
      let fixed = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("5;INF-05;") })
      XCTAssertTrue(rows[fixed].contains(";RAI.04.01;"))
      rows[fixed] = rows[fixed].replacingOccurrences(of: ";RAI.04.01;", with: ";RAI.02.01;")
      let deleted = try XCTUnwrap(rows.firstIndex { $0.hasPrefix("6;INF-06;") })
      let copied = rows.remove(at: deleted)
      rows.append(
        copied.replacingOccurrences(of: "6;INF-06;", with: "8;INF-08;")
          .replacingOccurrences(of: "(NAS)", with: "(NAS) Cadangan"))
    }

    XCTAssertEqual(try run(epoch: 1_767_312_000).status, 1)
    let second = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let changes = try Binary.loadJSON(out.appendingPathComponent("perubahan.json"))
    XCTAssertEqual(changes["putaran"] as? Int, 2)
    XCTAssertEqual(changes["banding"] as? Int, 1)
    let opds = try XCTUnwrap(changes["opd"] as? [[String: Any]])
    let code = try XCTUnwrap(
      (first["opd"] as? [[String: Any]])?.first {
        ($0["berkas"] as? [String])?.contains(editedFile) == true
      }?["kode"] as? String)
    // Exactly that OPD changed; every other OPD is listed unchanged.
    func changed(_ o: [String: Any]) -> Bool {
      let b = o["berkas"] as! [String: [Any]]
      let r = o["rekaman"] as! [String: [Any]]
      let t = o["temuan"] as! [String: [Any]]
      return
        !(b["baru"]!.isEmpty && b["berubah"]!.isEmpty && b["hilang"]!.isEmpty
        && r["ditambah"]!.isEmpty && r["dihapus"]!.isEmpty && r["diubah"]!.isEmpty
        && t["diperbaiki"]!.isEmpty && t["baru"]!.isEmpty)
    }
    XCTAssertEqual(opds.filter(changed).compactMap { $0["opd"] as? String }, [code])
    XCTAssertGreaterThan(opds.count, 5, "the unchanged OPDs are listed too")
    let entry = try XCTUnwrap(opds.first { $0["opd"] as? String == code })
    let files = entry["berkas"] as! [String: [String]]
    XCTAssertEqual(files["berubah"], [editedFile])
    XCTAssertEqual(files["baru"], [])
    XCTAssertEqual(files["hilang"], [])
    let records = entry["rekaman"] as! [String: [[String: Any]]]
    XCTAssertEqual(records["ditambah"]?.map { $0["id"] as? String }, ["INF-08"])
    XCTAssertEqual(records["dihapus"]?.map { $0["id"] as? String }, ["INF-06"])
    XCTAssertEqual(records["diubah"]?.map { $0["id"] as? String }, ["INF-05"])
    let fields = try XCTUnwrap(records["diubah"]?.first?["bidang"] as? [String: [Any]])
    XCTAssertEqual(Array(fields.keys), ["rai"])
    XCTAssertTrue(fields["rai"]?.first is NSNull)
    XCTAssertEqual(fields["rai"]?.last as? String, "RAI.02.01")
    let findings = entry["temuan"] as! [String: [String]]
    XCTAssertEqual(findings["diperbaiki"]?.count, 1)
    XCTAssertEqual(findings["baru"], [])

    // The key of the finding fixed is the one of the thousands separator of
    // INF-03 in round 1; every other finding kept its key, also those on the
    // rows below the deleted one (their cells moved up one row).
    let before = first["temuan"] as! [[String: Any]]
    let after = second["temuan"] as! [[String: Any]]
    XCTAssertEqual(after.count, before.count - 1)
    let gone = before.filter { f in
      !after.contains { $0["kunci"] as? String == f["kunci"] as? String }
    }
    XCTAssertEqual(gone.count, 1)
    XCTAssertEqual(gone.first?["kunci"] as? String, findings["diperbaiki"]?.first)
    XCTAssertEqual(gone.first?["berkas"] as? String, editedFile)
    XCTAssertEqual(gone.first?["nilai"] as? String, "RAI.04.01")
    XCTAssertEqual(gone.first?["jenis"] as? String, "kode-tidak-dikenal")
    func place(_ f: [String: Any]) -> String {
      [f["jenis"], f["berkas"], f["lembar"], f["kolom"], f["bidang"], f["nilai"]]
        .map { ($0 as? String) ?? "-" }.joined(separator: "|")
    }
    for f in before where f["kunci"] as? String != gone.first?["kunci"] as? String {
      let twin = after.first {
        place($0) == place(f) && $0["kunci"] as? String == f["kunci"] as? String
      }
      XCTAssertNotNil(twin, "finding \(place(f)) changed its key")
    }
    for f in after { XCTAssertNotNil(f["kunci"] as? String) }
    XCTAssertEqual(
      Set(after.map { $0["kunci"] as! String }).count, after.count, "keys are unique in a run")
    XCTAssertEqual(
      Set(findings["tersisa"] ?? []),
      Set(
        after.filter {
          ($0["opd"] as? String)?.split(separator: ";").contains(Substring(code)) == true
        }
        .map { $0["kunci"] as! String }))

    // That OPD's feedback page says so; another OPD's says nothing changed.
    let pages = out.appendingPathComponent("umpan-balik")
    let names = try FileManager.default.contentsOfDirectory(atPath: pages.path)
    let page = try XCTUnwrap(names.first { $0.hasPrefix(code + "-") })
    let html = try String(contentsOf: pages.appendingPathComponent(page), encoding: .utf8)
    let open = findings["tersisa"]?.count ?? 0
    XCTAssertTrue(
      html.contains("Sejak putaran 1: 1 masalah diperbaiki, 0 baru, \(open) masih ada."), html)
    XCTAssertTrue(html.contains("Rekaman: 1 ditambah, 1 dihapus, 1 diubah."))
    XCTAssertTrue(html.contains("Diubah: INF-05"))
    XCTAssertTrue(html.contains("Ditambah: INF-08"))
    XCTAssertTrue(html.contains("Dihapus: INF-06"))
    // Another OPD that sent files (the registry's OPDs that sent nothing get
    // a page of what is expected, with nothing to compare).
    let senders = ((first["opd"] as? [[String: Any]]) ?? []).filter {
      !(($0["berkas"] as? [String]) ?? []).isEmpty
    }.compactMap { $0["kode"] as? String }
    let otherCode = try XCTUnwrap(senders.first { $0 != code })
    let other = try XCTUnwrap(names.first { $0.hasPrefix(otherCode + "-") })
    let otherHTML = try String(contentsOf: pages.appendingPathComponent(other), encoding: .utf8)
    XCTAssertTrue(otherHTML.contains("Sejak putaran 1: 0 masalah diperbaiki, 0 baru,"))
    let report = try String(contentsOf: out.appendingPathComponent("laporan.html"), encoding: .utf8)
    XCTAssertTrue(report.contains("Perubahan sejak putaran 1"))

    // The CSV and the Temuan sheet carry the same keys.
    let csvText = try String(contentsOf: out.appendingPathComponent("temuan.csv"), encoding: .utf8)
    let header = try XCTUnwrap(csvText.split(separator: "\r\n").first)
    XCTAssertTrue(header.hasSuffix("pesan,saran,kunci,opd"), String(header))
    for f in after { XCTAssertTrue(csvText.contains(f["kunci"] as! String)) }
    let sheet = try Binary.tool([
      "python3", "-c",
      "import sys, openpyxl\n"
        + "ws = openpyxl.load_workbook(sys.argv[1], read_only=True)['Temuan']\n"
        + "for r in ws.iter_rows(values_only=True): print(r[12] or '', r[13] or '', sep='\\t')",
      out.appendingPathComponent("konsolidasi.xlsx").path,
    ])
    XCTAssertEqual(sheet.status, 0, sheet.stderr)
    let sheetRows = sheet.stdout.split(separator: "\n").map(String.init)
    XCTAssertEqual(sheetRows.first, "Kunci\tKode OPD")
    XCTAssertEqual(
      Array(sheetRows.dropFirst()),
      after.map { "\($0["kunci"] as! String)\t\(($0["opd"] as? String) ?? "")" })
    XCTAssertEqual(try Binary.schemaErrors(out.appendingPathComponent("arsitektur-spbe.json")), "")

    // The history: two rounds, one line each starting with its number.
    let listed = try history()
    XCTAssertEqual(listed.count, 2, "\(listed)")
    XCTAssertTrue(listed[0].hasPrefix("1  "), listed[0])
    XCTAssertTrue(listed[1].hasPrefix("2  "), listed[1])
    XCTAssertTrue(
      listed[1].contains("diterima \((second["ringkasan"] as! [String: Any])["diterima"]!)"))
    let detail = try Binary.run(["riwayat", "2"], in: work)
    XCTAssertEqual(detail.status, 0)
    XCTAssertTrue(detail.stdout.contains(editedFile))
    XCTAssertTrue(detail.stdout.contains("dibandingkan dengan putaran: 1"))
    XCTAssertEqual(try Binary.run(["riwayat", "7"], in: work).status, 1)
    // Each round holds exactly the JSON it committed.
    let folder = try historyFolder()
    XCTAssertEqual(
      try recorded(2, in: folder),
      try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json")))

    // --banding 1 compares with round 1 again; --tanpa-riwayat records nothing.
    XCTAssertEqual(try run(["--tanpa-riwayat", "--banding", "1"], epoch: 1_767_398_400).status, 1)
    XCTAssertEqual(try history().count, 2)
    let again = try Binary.loadJSON(out.appendingPathComponent("perubahan.json"))
    XCTAssertTrue(again["putaran"] is NSNull)
    XCTAssertEqual(again["banding"] as? Int, 1)
    XCTAssertEqual(try run(["--banding", "9"]).status, 2)
  }

  /// A run that exits 3 records no round: nothing readable, or a history that
  /// cannot be written (refused before anything is written).
  func testRunsThatExit3RecordNoRound() throws {
    XCTAssertEqual(try run().status, 1)
    let json = try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json"))
    let empty = work.appendingPathComponent("kosong")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    XCTAssertEqual(try run(["--inputs", empty.path]).status, 3)
    XCTAssertEqual(try history().count, 1)

    // A history folder that is a plain file cannot be written.
    let config = work.appendingPathComponent("pipeline.yml")
    let text = try String(contentsOf: config, encoding: .utf8)
      .replacingOccurrences(of: "riwayat: riwayat", with: "riwayat: bukan-folder")
    try text.write(to: config, atomically: true, encoding: .utf8)
    try Data("x".utf8).write(to: work.appendingPathComponent("bukan-folder"))
    let r = try run(epoch: 1_767_312_000)
    XCTAssertEqual(r.status, 3)
    XCTAssertTrue(r.stderr.contains("riwayat putaran tidak dapat ditulis"), r.stderr)
    XCTAssertTrue(r.stderr.contains("--tanpa-riwayat"), r.stderr)
    XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json")), json)
    // … unless the run is asked not to record.
    XCTAssertEqual(try run(["--tanpa-riwayat"], epoch: 1_767_312_000).status, 1)
    XCTAssertNotEqual(
      try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json")), json)
  }

  /// Killed before the commit, right after it, and at random moments: the
  /// rounds listed and the output set always agree (the newest round holds the
  /// live JSON, the rounds are numbered without gaps, each from another run).
  func testKilledRunsKeepRoundsAndOutputsInAgreement() throws {
    func assertAgree(_ expected: Int? = nil, file: StaticString = #filePath, line: UInt = #line)
      throws
    {
      let listed = try history()
      if let expected {
        XCTAssertEqual(listed.count, expected, "\(listed)", file: file, line: line)
      }
      XCTAssertEqual(
        listed.map { String($0.prefix { $0 != " " }) }, (0..<listed.count).map { String($0 + 1) },
        file: file, line: line)
      guard let n = listed.count > 0 ? listed.count : nil else { return }
      let folder = try historyFolder()
      let live = try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json"))
      XCTAssertEqual(
        try recorded(n, in: folder), live, "round \(n) is not the live set", file: file, line: line)
      var times = Set<String>()
      for i in 1...n {
        let doc =
          try JSONSerialization.jsonObject(with: try recorded(i, in: folder)) as! [String: Any]
        times.insert(doc["dibuat_pada"] as! String)
      }
      XCTAssertEqual(times.count, n, "two rounds hold the same set", file: file, line: line)
    }
    XCTAssertEqual(try run().status, 1)
    try assertAgree(1)
    // Killed between rendering and the commit: the old set, no new round.
    XCTAssertEqual(try run(epoch: 1_767_225_601, fault: "before-commit").status, 9)
    try assertAgree(1)
    // Killed right after the commit: the new set, and its round already listed …
    XCTAssertEqual(try run(epoch: 1_767_225_602, fault: "after-commit").status, 9)
    try assertAgree(2)
    let folder = try historyFolder()
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("putaran-0002").path))
    // … and made final by the next run, which records its own.
    XCTAssertEqual(try run(epoch: 1_767_225_603).status, 1)
    try assertAgree(3)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    XCTAssertEqual(names, ["putaran-0001", "putaran-0002", "putaran-0003"])

    // Killed at random moments.
    let started = Date()
    XCTAssertEqual(try run(epoch: 1_767_225_604).status, 1)
    let full = Date().timeIntervalSince(started)
    var rng = SystemRandomNumberGenerator()
    for i in 0..<10 {
      let p = Process()
      p.executableURL = Binary.url
      p.arguments = ["run", "--quiet"]
      p.currentDirectoryURL = work
      p.environment = ProcessInfo.processInfo.environment.merging(
        ["SOURCE_DATE_EPOCH": String(1_767_226_000 + i)], uniquingKeysWith: { $1 })
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      usleep(UInt32(Double.random(in: 0.3...1.1, using: &rng) * full * 1_000_000))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      try assertAgree()
    }
    XCTAssertEqual(try run(epoch: 1_767_227_000).status, 1)
    try assertAgree()
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix(".")
    }
    XCTAssertEqual(left, [], "a later run finishes or drops every half-made round")
  }
}
