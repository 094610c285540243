import Foundation
import XCTest

/// Hostile files through `pipeline run` (SPEC §8): each is refused with a finding
/// that names its limit, or read safely, in bounded time and memory, and nothing
/// outside the package is ever opened. The files are built by
/// `scripts/hostile/make.py` at test time.
final class HostileInputTests: XCTestCase {
  /// Generous bounds for a debug build on a busy machine; a blow-up is far above.
  /// A sanitized build (scripts/sanitize) runs slower and uses several times the memory.
  static let sanitized = ["ASAN_OPTIONS", "TSAN_OPTIONS"].contains {
    ProcessInfo.processInfo.environment[$0] != nil
  }
  static let seconds: TimeInterval = sanitized ? 120 : 30
  static let peakMB = sanitized ? 2400 : 600

  var work: URL!

  override func setUpWithError() throws {
    work = try Binary.temporaryFolder("hostile")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: work)
  }

  /// Builds `kind` as the only file of a fresh inputs folder.
  func make(_ kind: String, _ arg: String? = nil, name: String? = nil) throws -> URL {
    let inputs = work.appendingPathComponent("in-\(kind)-\(UUID())")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let file = inputs.appendingPathComponent(
      name ?? "\(kind).\(kind.hasPrefix("csv") ? "csv" : "xlsx")")
    try Binary.python(
      "scripts/hostile/make.py", [kind, file.path] + (arg.map { ["--arg", $0] } ?? []))
    return inputs
  }

  struct Outcome {
    let result: Binary.Result
    let doc: [String: Any]
    var findings: [[String: Any]] { doc["temuan"] as? [[String: Any]] ?? [] }
    var accepted: Int { (doc["ringkasan"] as? [String: Any])?["diterima"] as? Int ?? -1 }
  }

  /// `pipeline run` on `inputs`, with `batas` overrides, within the time and memory bounds.
  func run(
    _ inputs: URL, limits: [String: Int] = [:], file: StaticString = #filePath, line: UInt = #line
  ) throws -> Outcome {
    // A sound file beside the hostile one: a run that reads nothing writes no
    // outputs (SPEC §7), and the hostile file's finding is read from them.
    let companion = inputs.appendingPathComponent("pendamping.csv")
    if !FileManager.default.fileExists(atPath: companion.path) {
      try Data("Nama Aplikasi;Keterangan\n".utf8).write(to: companion)
    }
    let out = work.appendingPathComponent("out-\(UUID())")
    var args = ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"]
    if !limits.isEmpty {
      let cfg = work.appendingPathComponent("pipeline-\(UUID()).yml")
      let body = limits.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)\n" }.joined()
      try Data("batas:\n\(body)".utf8).write(to: cfg)
      args += ["--config", cfg.path]
    }
    let r = try Binary.run(args, timeout: Self.seconds)
    XCTAssertFalse(r.timedOut, "no answer within \(Self.seconds) s", file: file, line: line)
    XCTAssertTrue(
      [0, 1, 3].contains(r.status), "status \(r.status): \(r.stderr)", file: file, line: line)
    XCTAssertLessThan(Binary.childrenPeakMB, Self.peakMB, file: file, line: line)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    return Outcome(result: r, doc: doc)
  }

  /// The file was refused for `key`'s limit, with a message that says which and how to raise it.
  func assertRefused(
    _ o: Outcome, limit: String, key: String?, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(o.result.status, 1, "the refused file is an error", file: file, line: line)
    let f = o.findings.first { $0["jenis"] as? String == "berkas-tidak-terbaca" }
    XCTAssertNotNil(f, "\(o.findings)", file: file, line: line)
    let message = f?["pesan"] as? String ?? ""
    XCTAssertTrue(message.contains("batas keamanan (\(limit))"), message, file: file, line: line)
    if let key {
      XCTAssertTrue(
        (f?["saran"] as? String ?? "").contains(key), "\(f ?? [:])", file: file, line: line)
    }
  }

  func testZipBombsAndLyingSizes() throws {
    // 200 MB of rows in 300 KB: refused on its ratio before it is inflated.
    assertRefused(try run(make("zip-bomb")), limit: "rasio kompresi", key: "batas.rasio_kompresi")
    // A central directory that claims 4 GB for the sheet.
    assertRefused(
      try run(make("declared-size")), limit: "ukuran bagian arsip", key: "batas.ukuran_bagian_mb")
    // With the ratio limit out of the way the inflated bytes still count, whatever the header says.
    assertRefused(
      try run(
        make("zip-bomb", "64"), limits: ["rasio_kompresi": 1_000_000, "ukuran_bagian_mb": 16]),
      limit: "ukuran bagian arsip", key: "batas.ukuran_bagian_mb")
  }

  func testEntityExpansionIsRefused() throws {
    assertRefused(try run(make("billion-laughs")), limit: "deklarasi entitas XML", key: nil)
    assertRefused(try run(make("quadratic")), limit: "deklarasi entitas XML", key: nil)
  }

  /// External entities, parameter entities and DTDs name a FIFO: opening it would
  /// block the run forever, so finishing in time proves nothing was resolved.
  func testExternalEntitiesAndDTDsAreNeverResolved() throws {
    let fifo = work.appendingPathComponent("fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let entity = try run(make("external-entity", "file://\(fifo)"))
    assertRefused(entity, limit: "deklarasi entitas XML", key: nil)
    // A DTD alone declares nothing: the file is read, the DTD is not fetched.
    let dtd = try run(make("external-dtd", "file://\(fifo)"))
    XCTAssertEqual(dtd.accepted, 1, "\(dtd.findings)")
    let net = try run(make("external-dtd", "http://192.0.2.1/spbe.dtd"))
    XCTAssertEqual(net.accepted, 1, "\(net.findings)")
  }

  func testDeepNesting() throws {
    assertRefused(try run(make("deep")), limit: "kedalaman XML", key: "batas.kedalaman_xml")
  }

  func testSharedStrings() throws {
    // Three million entries in 125 KB: refused on the ratio; with the ratio raised, read
    // within the memory bound; refused on the count when that is lowered.
    assertRefused(
      try run(make("many-strings")), limit: "rasio kompresi", key: "batas.rasio_kompresi")
    let many = try make("many-strings")
    XCTAssertEqual(try run(many, limits: ["rasio_kompresi": 1_000_000]).accepted, 1)
    assertRefused(
      try run(many, limits: ["rasio_kompresi": 1_000_000, "jumlah_shared_strings": 1_000_000]),
      limit: "jumlah teks bersama", key: "batas.jumlah_shared_strings")
    // One 64 MB string.
    assertRefused(
      try run(make("huge-string")), limit: "rasio kompresi", key: "batas.rasio_kompresi")
    assertRefused(
      try run(make("huge-string"), limits: ["rasio_kompresi": 1_000_000, "ukuran_bagian_mb": 16]),
      limit: "ukuran bagian arsip", key: "batas.ukuran_bagian_mb")
  }

  /// A sheet claiming the whole grid (dimension A1:XFD1048576, a value in
  /// XFD1048576, a merge over everything): never a grid of that size in memory.
  func testWholeGridClaims() throws {
    // A few rows reaching column XFD are read, and the merge only fills the table's columns.
    let few = try run(make("far-cell", "50"))
    XCTAssertEqual(few.accepted, 1, "\(few.findings)")
    // Two thousand of them would hold 33 million cells: refused, quickly and in little memory.
    assertRefused(
      try run(make("far-cell", "2000")), limit: "jumlah sel satu lembar",
      key: "batas.sel_per_lembar")
    // Twenty thousand overlapping full-width merges over the header.
    assertRefused(
      try run(make("many-merges")), limit: "jumlah sel satu lembar", key: "batas.sel_per_lembar")
  }

  /// Duplicate, absolute, `..` and backslash entry names and a relationship that
  /// climbs out of the package resolve inside the package, never on disk.
  func testEntryNamesNeverTouchTheFileSystem() throws {
    let before = try FileManager.default.contentsOfDirectory(atPath: work.path)
    let o = try run(make("entry-names"))
    XCTAssertEqual(o.accepted, 1, "\(o.findings)")
    for p in ["/tmp/pipeline-escape.xml", "/etc/pipeline-escape.xml"] {
      XCTAssertFalse(FileManager.default.fileExists(atPath: p), p)
    }
    let after = try FileManager.default.contentsOfDirectory(atPath: work.path)
    XCTAssertEqual(
      Set(after).subtracting(before).filter { !$0.hasPrefix("in-") && !$0.hasPrefix("out-") }, [])
  }

  func testZIP64IsReadLikeAnyWorkbook() throws {
    XCTAssertEqual(try run(make("zip64")).accepted, 1)
    // Its 64-bit size fields are checked like the 32-bit ones: a terabyte is refused.
    assertRefused(
      try run(make("zip64-declared")), limit: "ukuran bagian arsip", key: "batas.ukuran_bagian_mb")
    // Beyond what Int64 holds (found by scripts/fuzz: it used to trap).
    assertRefused(
      try run(make("zip64-declared", "0xFFFFFFFFFFFFFFFF")), limit: "ukuran bagian arsip",
      key: "batas.ukuran_bagian_mb")
  }

  func testCSVEndlessLines() throws {
    assertRefused(
      try run(make("csv-line")), limit: "ukuran satu sel CSV", key: "batas.ukuran_sel_csv_mb")
    // 64 million empty fields on one line.
    assertRefused(
      try run(make("csv-fields")), limit: "jumlah sel satu lembar", key: "batas.sel_per_lembar")
  }

  /// Every `batas` key takes effect through a run: a file read at the default
  /// limit is refused once that one key is lowered.
  func testEveryLimitKeyTakesEffect() throws {
    let load = work.appendingPathComponent("in-load")
    try Binary.python(
      "scripts/load/generate.py",
      [load.path, "--files", "1", "--rows", "8000-8000", "--invalid", "0"])
    let cases: [(key: String, value: Int, inputs: URL, limit: String)] = [
      ("ukuran_bagian_mb", 1, try make("huge-string", "2"), "ukuran bagian arsip"),
      ("rasio_kompresi", 2, load, "rasio kompresi"),
      ("kedalaman_xml", 8, try make("deep", "20"), "kedalaman XML"),
      ("jumlah_shared_strings", 100, try make("many-strings", "4096"), "jumlah teks bersama"),
      ("ukuran_csv_mb", 1, try make("csv-line", "2"), "ukuran berkas CSV"),
      ("ukuran_sel_csv_mb", 1, try make("csv-line", "2"), "ukuran satu sel CSV"),
      ("sel_per_lembar", 1000, try make("far-cell", "50"), "jumlah sel satu lembar"),
    ]
    for c in cases {
      let sound = try run(
        c.inputs, limits: c.key == "ukuran_bagian_mb" ? ["rasio_kompresi": 1_000_000] : [:])
      XCTAssertFalse(
        sound.findings.contains { $0["jenis"] as? String == "berkas-tidak-terbaca" },
        "\(c.key): refused at the default limit: \(sound.findings.prefix(2))")
      var limits = [c.key: c.value]
      if c.key == "ukuran_bagian_mb" { limits["rasio_kompresi"] = 1_000_000 }
      assertRefused(try run(c.inputs, limits: limits), limit: c.limit, key: "batas.\(c.key)")
    }
  }
}
