import Foundation
import XCTest

/// 500 generated OPD workbooks with a seeded mixture of valid and invalid rows
/// (`scripts/load/generate.py`): the same bytes whatever `--jobs`, the accounting
/// identity on every table, and exactly the rows generated invalid rejected.
final class LoadTests: XCTestCase {
  func testFiveHundredWorkbooks() throws {
    let work = try Binary.temporaryFolder("load")
    defer { try? FileManager.default.removeItem(at: work) }
    let inputs = work.appendingPathComponent("in")
    let manifest = try Binary.python(
      "scripts/load/generate.py", [inputs.path, "--files", "500", "--seed", "20260101"])
    let m = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
    let invalid = try XCTUnwrap(m["invalid"] as? Int)
    let byKind = try XCTUnwrap(m["by_kind"] as? [String: Int])
    XCTAssertGreaterThan(invalid, 0)

    var outputs: [Data] = []
    for jobs in ["1", "2"] {
      let out = work.appendingPathComponent("out-\(jobs)")
      let r = try Binary.run(
        ["run", "--inputs", inputs.path, "--outputs", out.path, "--jobs", jobs, "--quiet"],
        environment: ["SOURCE_DATE_EPOCH": "1767225600"])
      XCTAssertEqual(r.status, 1, r.stderr)
      outputs.append(try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json")))
    }
    XCTAssertEqual(outputs[0], outputs[1], "--jobs 1 and --jobs 2 differ")

    let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: outputs[0]) as? [String: Any])
    let sources = try XCTUnwrap(doc["sumber"] as? [[String: Any]])
    XCTAssertEqual(sources.count, 500)
    var rows = 0
    var rejected = 0
    for s in sources {
      let tables = s["tabel"] as? [[String: Any]] ?? []
      XCTAssertEqual(tables.count, 1, "\(s["berkas"] ?? "")")
      for t in tables {
        let data = t["baris_data"] as? Int ?? -1
        let a = t["diterima"] as? Int ?? -1
        let r = t["ditolak"] as? Int ?? -1
        XCTAssertEqual(data, a + r, "\(s["berkas"] ?? "") \(t["lembar"] ?? "")")
        rows += data
        rejected += r
      }
    }
    XCTAssertEqual(rows, m["rows"] as? Int)
    XCTAssertEqual(rejected, invalid)
    XCTAssertEqual((doc["ditolak"] as? [Any])?.count, invalid)
    // Each invalid row carries exactly the one mistake it was generated with.
    var found: [String: Int] = [:]
    for f in doc["temuan"] as? [[String: Any]] ?? [] {
      found[f["jenis"] as? String ?? "", default: 0] += 1
    }
    XCTAssertEqual(found, byKind)
  }
}
