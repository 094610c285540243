import Foundation
import XCTest

/// The result cache under `<outputs>/.cache`: a warm run, a run after one file
/// changed and a run over a tampered entry all give the bytes a cold run gives.
final class CacheTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  let changed = "Diskominfosatik - Keamanan.csv"

  /// A copy of the bundled inputs (the test changes one of its files).
  func inputsCopy() throws -> URL {
    let dir = try Binary.temporaryFolder("cache-in")
    let bundled = Binary.packageRoot.appendingPathComponent("inputs")
    for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
      try FileManager.default.copyItem(
        at: bundled.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    return dir
  }

  func run(_ inputs: URL, _ outputs: URL, _ extra: [String] = []) throws -> Data {
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", outputs.path, "--quiet", "--fail-on", "tidak"]
        + extra, environment: epoch)
    XCTAssertEqual(r.status, 0, r.stderr)
    return try Data(contentsOf: outputs.appendingPathComponent("arsitektur-spbe.json"))
  }

  /// Entry name → modification time.
  func entries(_ outputs: URL) throws -> [String: Date] {
    let dir = outputs.appendingPathComponent(".cache")
    var out: [String: Date] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
      let attrs = try FileManager.default.attributesOfItem(
        atPath: dir.appendingPathComponent(name).path)
      out[name] = attrs[.modificationDate] as? Date
    }
    return out
  }

  func testWarmAndChangedRunsMatchColdRuns() throws {
    let inputs = try inputsCopy()
    let cold = try run(inputs, try Binary.temporaryFolder("cold"), ["--no-cache"])
    let out = try Binary.temporaryFolder("cached")
    XCTAssertEqual(try run(inputs, out), cold)
    let first = try entries(out)
    // Spreadsheet files only: the PDF and the lock file have no entry either way.
    XCTAssertGreaterThanOrEqual(first.count, 12)
    XCTAssertEqual(try run(inputs, out), cold)
    XCTAssertEqual(try entries(out), first, "a warm run rewrote entries")

    // One OPD fixes its file: only that file gets a new entry.
    let csv = inputs.appendingPathComponent(changed)
    var text = try String(contentsOf: csv, encoding: .utf8)
    text = text.replacingOccurrences(of: "Audit keamanan SPBE", with: "Audit keamanan SPBE 2025")
    try text.write(to: csv, atomically: true, encoding: .utf8)
    let warm = try run(inputs, out)
    XCTAssertNotEqual(warm, cold)
    XCTAssertEqual(warm, try run(inputs, try Binary.temporaryFolder("cold2"), ["--no-cache"]))
    let after = try entries(out)
    XCTAssertEqual(after.count, first.count)
    XCTAssertEqual(Set(after.keys).subtracting(first.keys).count, 1)
    for (name, date) in after where first[name] != nil { XCTAssertEqual(date, first[name], name) }
  }

  func testTamperedEntriesAreIgnored() throws {
    let inputs = try inputsCopy()
    let cold = try run(inputs, try Binary.temporaryFolder("cold"), ["--no-cache"])
    let out = try Binary.temporaryFolder("tampered")
    XCTAssertEqual(try run(inputs, out), cold)
    let dir = out.appendingPathComponent(".cache")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    XCTAssertGreaterThanOrEqual(names.count, 3)
    // A flipped byte in a payload, a truncated entry, one entry copied over another.
    var a = try Data(contentsOf: dir.appendingPathComponent(names[0]))
    a[a.count - 5] ^= 0x01
    try a.write(to: dir.appendingPathComponent(names[0]))
    let b = try Data(contentsOf: dir.appendingPathComponent(names[1]))
    try b.prefix(b.count / 2).write(to: dir.appendingPathComponent(names[1]))
    try FileManager.default.removeItem(at: dir.appendingPathComponent(names[2]))
    try b.write(to: dir.appendingPathComponent(names[2]))
    XCTAssertEqual(try run(inputs, out), cold)
  }
}
