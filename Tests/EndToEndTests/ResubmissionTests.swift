import Foundation
import XCTest

/// Re-submissions and a zip paket (Fixtures/resubmit, reviewed in RESUBMIT.md):
/// each folder run alone gives exactly the records and the findings listed there.
final class ResubmissionTests: XCTestCase {
  static let folder = Binary.packageRoot.appendingPathComponent(
    "Tests/EndToEndTests/Fixtures/resubmit")

  /// The rows of RESUBMIT.md's tables in the section of `folder`.
  func section(_ folder: String) throws -> (records: [[String]], findings: [[String]]) {
    let text = try String(
      contentsOf: Self.folder.appendingPathComponent("RESUBMIT.md"), encoding: .utf8)
    var inSection = false
    var records: [[String]] = []
    var findings: [[String]] = []
    for line in text.split(separator: "\n") {
      if line.hasPrefix("## ") { inSection = line.contains("`\(folder)/`") }
      guard inSection, line.hasPrefix("|") else { continue }
      let cols = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
        .dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
      if cols.first == "rec" { records.append(Array(cols.dropFirst())) }
      if cols.count == 5, cols[3].hasPrefix("`") { findings.append(cols) }
    }
    return (records, findings)
  }

  func run(_ folder: String) throws -> (doc: [String: Any], out: URL, stdout: String) {
    let out = try Binary.temporaryFolder("resubmit-\(folder)")
    let r = try Binary.run(
      ["run", "--inputs", Self.folder.appendingPathComponent(folder).path, "--outputs", out.path],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(r.status, 1, r.stderr)
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    return (try Binary.loadJSON(json), out, r.stdout)
  }

  func accepted(_ doc: [String: Any]) -> [[String: Any]] {
    ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"].flatMap {
      doc[$0] as? [[String: Any]] ?? []
    }
  }

  /// Every listed finding is found, and nothing else at peringatan or above or about a whole file.
  func checkFindings(_ doc: [String: Any], _ listed: [[String]]) throws {
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    func same(_ f: [String: Any], _ e: [String]) -> Bool {
      f["berkas"] as? String == e[0] && (f["lembar"] as? String ?? "") == e[1]
        && (f["sel"] as? String ?? "") == e[2] && "`\(f["jenis"] as? String ?? "")`" == e[3]
    }
    for e in listed { XCTAssertTrue(findings.contains { same($0, e) }, "not found: \(e)") }
    for f in findings where f["tingkat"] as? String != "info" || f["sel"] == nil {
      XCTAssertTrue(
        listed.contains { same(f, $0) },
        "unexpected: \(f["jenis"] ?? "") \(f["berkas"] ?? "") \(f["sel"] ?? "")")
    }
  }

  func checkRecords(_ doc: [String: Any], _ listed: [[String]]) {
    let records = accepted(doc)
    XCTAssertEqual(records.count, listed.count, "every accepted record is listed")
    for e in listed {
      let rec = records.first { r in
        let asal = r["asal"] as? [String: Any]
        return asal?["berkas"] as? String == e[0] && asal?["lembar"] as? String == e[1]
          && asal?["baris"] as? Int == Int(e[2])
      }
      XCTAssertEqual(rec?["nama"] as? String, e[4], "\(e)")
      if e[3] != "(generated)" { XCTAssertEqual(rec?["id"] as? String, e[3], "\(e)") }
    }
  }

  func testIdenticalCopiesAreReadOnceAndTheCopyIsNamed() throws {
    let (doc, _, _) = try run("identik")
    try checkFindings(doc, try section("identik").findings)
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    let ganda = findings.filter { $0["jenis"] as? String == "berkas-ganda" }
    XCTAssertEqual(ganda.map { $0["tingkat"] as? String }, ["peringatan", "peringatan"])
    XCTAssertTrue((ganda.first?["pesan"] as? String ?? "").contains("\"Bapenda.xlsx\""))
    // The copies add nothing: the same records as the two originals read alone.
    let alone = try Binary.temporaryFolder("resubmit-alone")
    for name in ["Bapenda.xlsx", "Inspektorat.xlsx"] {
      try FileManager.default.copyItem(
        at: Self.folder.appendingPathComponent("identik/\(name)"),
        to: alone.appendingPathComponent(name))
    }
    let out = try Binary.temporaryFolder("resubmit-alone-out")
    _ = try Binary.run(
      ["run", "--inputs", alone.path, "--outputs", out.path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    let single = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    XCTAssertEqual(accepted(doc).count, accepted(single).count)
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, (single["ditolak"] as? [Any])?.count)
    XCTAssertFalse(
      accepted(doc).contains {
        ($0["asal"] as? [String: Any])?["berkas"] as? String == "Bapenda (1).xlsx"
      })
  }

  func testARevisionBesideTheOldFileWarnsOfEveryRowGivenTwice() throws {
    let (doc, out, stdout) = try run("revisi")
    let expected = try section("revisi")
    checkRecords(doc, expected.records)
    try checkFindings(doc, expected.findings)
    let findings = doc["temuan"] as? [[String: Any]] ?? []
    let idGanda = findings.first { $0["jenis"] as? String == "id-ganda" }
    XCTAssertTrue(
      (idGanda?["pesan"] as? String ?? "").contains("BKPSDM revisi.xlsx › Aplikasi › A2"))
    let names = findings.filter { $0["jenis"] as? String == "nama-ganda" }
    XCTAssertTrue(
      names.allSatisfy { ($0["pesan"] as? String ?? "").contains("BKPSDM revisi.xlsx") })
    XCTAssertTrue(stdout.contains("OPD ini mengirim 2 berkas untuk domain Aplikasi"), stdout)
    let pages = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("umpan-balik").path)
    let page = try XCTUnwrap(pages.first { $0.hasSuffix("-bkpsdm.html") })
    let html = try String(
      contentsOf: out.appendingPathComponent("umpan-balik/\(page)"), encoding: .utf8)
    XCTAssertTrue(html.contains("OPD ini mengirim 2 berkas untuk domain Aplikasi"))
  }

  func testAZipPaketIsReadAsAFolderOfItsMembers() throws {
    let (doc, _, _) = try run("paket")
    let expected = try section("paket")
    checkRecords(doc, expected.records)
    try checkFindings(doc, expected.findings)
    let sources = try XCTUnwrap(doc["sumber"] as? [[String: Any]])
    XCTAssertEqual(
      sources.map { $0["berkas"] as? String ?? "" },
      [
        "Paket Arsitektur.zip/DPUPR.xlsx", "Paket Arsitektur.zip/Perumahan/Disperkim.xlsx",
        "Paket Arsitektur.zip/Surat Pengantar.pdf",
      ])
    // Each member's own hash: that of the member's bytes, not of the zip.
    let zip = Self.folder.appendingPathComponent("paket/Paket Arsitektur.zip").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    p.arguments = [
      "-c",
      "import hashlib,sys,zipfile; print(hashlib.sha256(zipfile.ZipFile(sys.argv[1]).read('DPUPR.xlsx')).hexdigest())",
      zip,
    ]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    p.waitUntilExit()
    let sha = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertEqual(sources.first?["sha256"] as? String, sha)
  }
}
