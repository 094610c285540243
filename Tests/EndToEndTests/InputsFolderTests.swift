import Foundation
import XCTest

/// The inputs folder as offices have it: outputs kept inside it, symlinks,
/// names copied from Windows, pipes, huge sparse files. Only regular files are
/// read, each once, and whatever is left out is said.
final class InputsFolderTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  var work: URL!

  override func setUpWithError() throws {
    work = try Binary.temporaryFolder("inputs-folder")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: work)
  }

  /// A copy of the bundled inputs at `work/name`.
  func copyOfBundledInputs(_ name: String = "in") throws -> URL {
    let to = work.appendingPathComponent(name)
    try FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("inputs"), to: to)
    return to
  }

  func run(_ inputs: URL, outputs: URL, quiet: Bool = true, timeout: TimeInterval = 120) throws
    -> (Binary.Result, [String: Any])
  {
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", outputs.path] + (quiet ? ["--quiet"] : []),
      environment: epoch, timeout: timeout)
    XCTAssertFalse(r.timedOut, "no answer within \(timeout) s")
    let json = outputs.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    return (r, try Binary.loadJSON(json))
  }

  func findings(_ doc: [String: Any], _ type: String) -> [[String: Any]] {
    (doc["temuan"] as? [[String: Any]] ?? []).filter { $0["jenis"] as? String == type }
  }

  func sources(_ doc: [String: Any]) -> [String] {
    (doc["sumber"] as? [[String: Any]] ?? []).compactMap { $0["berkas"] as? String }
  }

  // MARK: 1. Outputs inside the inputs

  func testOutputsInsideInputsAreNeverReadBack() throws {
    let inputs = try copyOfBundledInputs()
    let outputs = inputs.appendingPathComponent("hasil")
    // What a killed run leaves beside the outputs: hidden, never read either.
    let leftover = inputs.appendingPathComponent(".hasil.pipeline-baru-99999")
    try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: inputs.appendingPathComponent("dpmptsp_layanan.csv"),
      to: leftover.appendingPathComponent("dpmptsp_layanan.csv"))
    var totals: [[String]] = []
    var last: Binary.Result?
    for round in 1...3 {
      let (r, doc) = try run(inputs, outputs: outputs, quiet: round < 3)
      XCTAssertEqual(r.status, 1, r.stderr)
      let summary = try XCTUnwrap(doc["ringkasan"] as? [String: Any])
      totals.append(
        ["berkas", "tabel", "baris", "diterima", "ditolak", "kosong"].map { "\(summary[$0] ?? "")" }
      )
      XCTAssertFalse(sources(doc).contains { $0.hasPrefix("hasil/") || $0.hasPrefix(".") })
      let skipped = findings(doc, "berkas-dilewati")
      // The outputs folder is locked before the inputs are read, so it is
      // there (and left out) from the first round on.
      XCTAssertEqual(skipped.map { $0["berkas"] as? String }, ["hasil"])
      XCTAssertEqual(skipped.first?["tingkat"] as? String, "info")
      XCTAssertTrue(
        (skipped.first?["pesan"] as? String ?? "").contains("folder keluaran"), "\(skipped)")
      last = r
    }
    XCTAssertEqual(totals[0], totals[1])
    XCTAssertEqual(totals[1], totals[2])
    XCTAssertTrue(
      last?.stdout.contains("1 entri di folder masukan dilewati (folder keluaran 1)") ?? false,
      last?.stdout ?? "")
  }

  // MARK: 2. Bounded memory, one descriptor, never a pipe

  /// A sparse 4 GiB `.csv` is hashed in full by streaming, refused by the CSV
  /// size limit, and the run stays small under a 2 GiB address-space limit.
  func testSparseFourGigabyteFileRunsInBoundedMemory() throws {
    let inputs = work.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Binary.packageRoot.appendingPathComponent("inputs/dpmptsp_layanan.csv"),
      to: inputs.appendingPathComponent("dpmptsp_layanan.csv"))
    let big = inputs.appendingPathComponent("besar.csv")
    try Binary.tool(["truncate", "-s", "4G", big.path])
    let outputs = work.appendingPathComponent("out")
    // A fresh parent process, so the peak RSS it reports is this run's alone.
    let script = """
      import resource, subprocess, sys
      def limit():
          resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
      r = subprocess.run(sys.argv[1:], preexec_fn=limit, stdout=subprocess.DEVNULL, timeout=600)
      print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
      """
    let r = try Binary.tool(
      [
        "python3", "-c", script, Binary.url.path, "run", "--inputs", inputs.path, "--outputs",
        outputs.path, "--quiet",
      ], environment: epoch)
    let fields = r.stdout.split(separator: " ").compactMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    XCTAssertEqual(fields.count, 2, r.stdout + r.stderr)
    XCTAssertEqual(fields.first, 1, r.stderr)
    XCTAssertLessThan(fields.last ?? .max, 200, "peak RSS in MiB")
    let json = outputs.appendingPathComponent("arsitektur-spbe.json")
    XCTAssertEqual(try Binary.schemaErrors(json), "")
    let doc = try Binary.loadJSON(json)
    let entry = try XCTUnwrap(
      (doc["sumber"] as? [[String: Any]])?.first { $0["berkas"] as? String == "besar.csv" })
    XCTAssertEqual(entry["status"] as? String, "gagal")
    // The file reads as 4 GiB of zero bytes: their SHA-256, by Python's hashlib.
    let zeros = """
      import hashlib
      h = hashlib.sha256(); block = bytes(1 << 24)
      for _ in range(256): h.update(block)
      print(h.hexdigest())
      """
    let expected = try Binary.tool(["python3", "-c", zeros]).stdout
    XCTAssertEqual(entry["sha256"] as? String, expected.trimmingCharacters(in: .newlines))
    XCTAssertEqual(findings(doc, "berkas-tidak-terbaca").first?["berkas"] as? String, "besar.csv")
  }

  func testPipesAreNeverRead() throws {
    let inputs = try copyOfBundledInputs()
    let fifo = inputs.appendingPathComponent("pipa.csv")
    XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
    let (r, doc) = try run(inputs, outputs: work.appendingPathComponent("out"), timeout: 60)
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertFalse(sources(doc).contains("pipa.csv"))
    let skipped = findings(doc, "berkas-dilewati")
    XCTAssertEqual(skipped.map { $0["berkas"] as? String }, ["pipa.csv"])
    XCTAssertTrue((skipped.first?["pesan"] as? String ?? "").contains("bukan berkas biasa"))

    let inspect = try Binary.run(["inspect", fifo.path], timeout: 20)
    XCTAssertFalse(inspect.timedOut, "inspect waited on the pipe")
    XCTAssertEqual(inspect.status, 3)
    XCTAssertTrue(inspect.stderr.contains("bukan berkas biasa"), inspect.stderr)

    let validate = try Binary.run(["validate", fifo.path], timeout: 20)
    XCTAssertFalse(validate.timedOut, "validate waited on the pipe")
    XCTAssertEqual(validate.status, 3, validate.stdout + validate.stderr)
    XCTAssertTrue(validate.stdout.contains("bukan berkas biasa"), validate.stdout)

    let config = work.appendingPathComponent("pipeline.yml")
    try Data("daftar_kode:\n  opd: \(fifo.path)\n".utf8).write(to: config)
    let override = try Binary.run(
      ["validate", "--config", config.path, inputs.path], timeout: 20)
    XCTAssertFalse(override.timedOut, "the codelist override waited on the pipe")
    XCTAssertEqual(override.status, 2, override.stderr)
  }

  /// `--inputs /proc` once crashed at 4 GB of memory: now nothing there is read.
  func testKernelFileSystemIsNeverRead() throws {
    #if os(Linux)
      // Nothing is read, so nothing is written (exit 3): the summary says
      // what was left out.
      let out = work.appendingPathComponent("out")
      let r = try Binary.run(["run", "--inputs", "/proc", "--outputs", out.path], timeout: 60)
      XCTAssertEqual(r.status, 3, r.stderr)
      XCTAssertTrue(r.stdout.contains("0 berkas"), r.stdout)
      XCTAssertTrue(r.stdout.contains("bukan berkas biasa 1"), r.stdout)
      XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    #endif
  }

  // MARK: 3. Names

  func testSymlinkedInputsFolderReadsAsTheRealOne() throws {
    let real = try copyOfBundledInputs("real")
    let link = work.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
    let (a, _) = try run(real, outputs: work.appendingPathComponent("out-real"))
    let (b, _) = try run(link, outputs: work.appendingPathComponent("out-link"))
    XCTAssertEqual(a.status, 1, a.stderr)
    XCTAssertEqual(b.status, 1, b.stderr)
    let x = try Data(contentsOf: work.appendingPathComponent("out-real/arsitektur-spbe.json"))
    let y = try Data(contentsOf: work.appendingPathComponent("out-link/arsitektur-spbe.json"))
    XCTAssertEqual(x, y)
  }

  func testSymlinksInsideInputsAreSkippedAndSaid() throws {
    let inputs = try copyOfBundledInputs()
    try FileManager.default.createSymbolicLink(
      at: inputs.appendingPathComponent("tautan.xlsx"),
      withDestinationURL: inputs.appendingPathComponent("Bapenda.xlsx"))
    let (_, doc) = try run(inputs, outputs: work.appendingPathComponent("out"))
    XCTAssertFalse(sources(doc).contains("tautan.xlsx"))
    let skipped = findings(doc, "berkas-dilewati")
    XCTAssertEqual(skipped.map { $0["berkas"] as? String }, ["tautan.xlsx"])
    XCTAssertTrue((skipped.first?["pesan"] as? String ?? "").contains("tautan simbolik"))
  }

  /// A folder named in Windows-1252 (`\x96` is an en dash there, not UTF-8).
  func testNonUTF8FolderIsRead() throws {
    let inputs = work.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let script = """
      import os, shutil, sys
      d = os.fsencode(sys.argv[1]) + b"/Kiriman OPD \\x96 2024"
      os.mkdir(d)
      shutil.copy(sys.argv[2], d + b"/Bapenda.xlsx")
      """
    let r = try Binary.tool(
      [
        "python3", "-c", script, inputs.path,
        Binary.packageRoot.appendingPathComponent("inputs/Bapenda.xlsx").path,
      ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let (run, doc) = try run(inputs, outputs: work.appendingPathComponent("out"))
    XCTAssertNotEqual(run.status, 3, run.stderr)
    let entry = try XCTUnwrap((doc["sumber"] as? [[String: Any]])?.first)
    XCTAssertEqual(entry["berkas"] as? String, "Kiriman OPD \u{FFFD} 2024/Bapenda.xlsx")
    XCTAssertEqual(entry["status"] as? String, "terbaca")
    XCTAssertFalse((entry["tabel"] as? [Any] ?? []).isEmpty)
    XCTAssertGreaterThan((doc["ringkasan"] as? [String: Any])?["diterima"] as? Int ?? 0, 0)
  }

  func testPathTooLongIsSkippedAndSaid() throws {
    let inputs = try copyOfBundledInputs()
    // Built step by step from inside, since no single path may be this long.
    let script = """
      import os, sys
      os.chdir(sys.argv[1])
      for _ in range(20):
          os.mkdir("d" * 250)
          os.chdir("d" * 250)
      open("Bapenda.csv", "w").write("a,b\\n")
      """
    let r = try Binary.tool(["python3", "-c", script, inputs.path])
    XCTAssertEqual(r.status, 0, r.stderr)
    let (_, doc) = try run(inputs, outputs: work.appendingPathComponent("out"))
    let skipped = findings(doc, "berkas-dilewati")
    XCTAssertEqual(skipped.count, 1, "\(skipped)")
    XCTAssertTrue(
      (skipped.first?["pesan"] as? String ?? "").contains("lebih panjang"), "\(skipped)")
  }

  // MARK: 4. What the JSON says of a file it could not read

  /// `sumber.sha256` is a hash or an explicit null, never an empty string.
  func testSchemaTakesANullHashNotAnEmptyOne() throws {
    let (_, doc) = try run(
      Binary.packageRoot.appendingPathComponent("inputs"),
      outputs: work.appendingPathComponent("out"))
    for (value, valid) in [(NSNull() as Any, true), ("" as Any, false)] {
      var copy = doc
      var sumber = try XCTUnwrap(copy["sumber"] as? [[String: Any]])
      sumber[0]["sha256"] = value
      copy["sumber"] = sumber
      let file = work.appendingPathComponent("doc-\(UUID()).json")
      try JSONSerialization.data(withJSONObject: copy).write(to: file)
      XCTAssertEqual(try Binary.schemaErrors(file).isEmpty, valid, "\(value)")
    }
  }

  /// Cells past column ZZZ (18,278) have four letters, and the schema takes them.
  func testCSVWiderThanZZZGivesCellNamesTheSchemaTakes() throws {
    let inputs = work.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    // Empty headers in between: one unknown column, at 18,279 (AAAA).
    let header = ["Nama Aplikasi", "Kode RAA"] + Array(repeating: "", count: 18_276) + ["Tambahan"]
    let text = header.joined(separator: ",") + "\nSIMPEG,RAA.1.01.01\n"
    try Data(text.utf8).write(to: inputs.appendingPathComponent("Bapenda - Aplikasi.csv"))
    let (_, doc) = try run(inputs, outputs: work.appendingPathComponent("out"))
    let cells = (doc["temuan"] as? [[String: Any]] ?? []).compactMap { $0["sel"] as? String }
    XCTAssertTrue(cells.contains("AAAA1"), "\(cells.suffix(3))")
  }
}
