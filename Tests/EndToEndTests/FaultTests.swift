import Foundation
import XCTest

/// Faults around the outputs (SPEC §6, §7): runs killed at random moments, a
/// second run on the same folder, a folder without write access, a full disk.
final class FaultTests: XCTestCase {
  var work: URL!

  override func setUpWithError() throws {
    work = try Binary.temporaryFolder("faults")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: work)
  }

  /// A generated inputs folder, and the sha256 of each of its files.
  func inputs(_ name: String, files: Int, seed: Int) throws -> (URL, Set<String>) {
    let dir = work.appendingPathComponent(name)
    try Binary.python(
      "scripts/load/generate.py", [dir.path, "--files", "\(files)", "--seed", "\(seed)"])
    let hashes = try Set(
      FileManager.default.contentsOfDirectory(atPath: dir.path).map {
        try Self.sha256(dir.appendingPathComponent($0))
      })
    return (dir, hashes)
  }

  static func sha256(_ url: URL) throws -> String {
    let r = try Binary.run([url.path], executable: URL(fileURLWithPath: "/usr/bin/sha256sum"))
    return String(r.stdout.prefix(64))
  }

  /// Records of an RFC 4180 file (line breaks inside quotes do not count).
  static func csvRecords(_ data: Data) -> Int {
    var quoted = false
    var records = 0
    for b in data {
      if b == UInt8(ascii: "\"") { quoted.toggle() }
      if b == UInt8(ascii: "\n"), !quoted { records += 1 }
    }
    return records
  }

  /// The outputs folder holds one complete set: the JSON parses, temuan.csv has
  /// one record per finding of that same JSON, and `sumber` is exactly one of
  /// the input sets. Returns which set.
  func assertOneCompleteSet(
    _ out: URL, sets: [Set<String>], file: StaticString = #filePath, line: UInt = #line
  ) throws -> Int? {
    let json = out.appendingPathComponent("arsitektur-spbe.json")
    guard let data = try? Data(contentsOf: json),
      let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else {
      XCTFail("arsitektur-spbe.json missing or unreadable", file: file, line: line)
      return nil
    }
    let findings = (doc["temuan"] as? [Any])?.count ?? -1
    let csv = try Data(contentsOf: out.appendingPathComponent("temuan.csv"))
    XCTAssertEqual(
      Self.csvRecords(csv), findings + 1, "temuan.csv from another run than the JSON", file: file,
      line: line)
    let hashes = Set(
      (doc["sumber"] as? [[String: Any]] ?? []).compactMap { $0["sha256"] as? String })
    let which = sets.firstIndex(of: hashes)
    XCTAssertNotNil(which, "sumber matches no input set", file: file, line: line)
    let visible = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      !$0.hasPrefix(".")
    }
    XCTAssertEqual(visible.sorted(), Binary.outputNames, file: file, line: line)
    return which
  }

  /// Runs on two alternating input sets, each killed with SIGKILL after a random
  /// delay (many near the end, where the outputs are written): after every kill
  /// the folder holds one complete set, and the next run is not disturbed.
  func testKilledRunsLeaveOneCompleteSet() throws {
    let (a, hashesA) = try inputs("a", files: 200, seed: 1)
    let (b, hashesB) = try inputs("b", files: 120, seed: 2)
    let out = work.appendingPathComponent("outputs")
    let args = { (i: URL) in ["run", "--inputs", i.path, "--outputs", out.path, "--quiet"] }
    // Each set timed on a warm run: the first (cold) run of a sanitized binary
    // took long enough that every later run ended before its kill.
    func timed(_ inputs: URL) throws -> TimeInterval {
      let started = Date()
      XCTAssertEqual(try Binary.run(args(inputs)).status, 1)
      return Date().timeIntervalSince(started)
    }
    _ = try timed(a)
    let fullB = try timed(b)
    let fullA = try timed(a)
    XCTAssertEqual(try assertOneCompleteSet(out, sets: [hashesA, hashesB]), 0)

    var rng = SystemRandomNumberGenerator()
    var seen = Set<Int>()
    var killedDuring = 0
    for i in 0..<12 {
      let p = Process()
      p.executableURL = Binary.url
      p.arguments = args(i % 2 == 0 ? b : a)
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      let delay =
        i % 2 == 0
        ? Double.random(in: 0.1...1.0, using: &rng) * fullB
        : Double.random(in: 0.6...0.98, using: &rng) * fullA
      usleep(UInt32(delay * 1_000_000))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      if p.terminationReason == .uncaughtSignal { killedDuring += 1 }
      if let w = try assertOneCompleteSet(out, sets: [hashesA, hashesB]) { seen.insert(w) }
    }
    XCTAssertGreaterThan(killedDuring, 0, "no run was killed while running")
    // Whatever the kills left behind, a full run still goes through and cleans up.
    XCTAssertEqual(try Binary.run(args(b)).status, 1)
    XCTAssertEqual(try assertOneCompleteSet(out, sets: [hashesA, hashesB]), 1)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter {
      $0.contains(".pipeline-")
    }
    XCTAssertEqual(leftovers, [])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        .sorted(),
      [".pipeline-putaran", ".pipeline.lock"])
  }

  /// A second run on a folder whose lock is held: exit 3, a clear message, and
  /// the outputs untouched.
  func testASecondRunOnTheSameOutputsIsRefused() throws {
    let inputs = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    let out = work.appendingPathComponent("outputs")
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path]).status, 0)
    let before = try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json"))
    let fd = open(out.appendingPathComponent(".pipeline.lock").path, O_RDWR)
    XCTAssertGreaterThanOrEqual(fd, 0)
    XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
    defer { close(fd) }
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"],
      environment: ["SOURCE_DATE_EPOCH": "0"])
    XCTAssertEqual(r.status, 3)
    XCTAssertTrue(r.stderr.contains("sedang dipakai proses pipeline lain"), r.stderr)
    XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json")), before)
    // Refused before a file is read: no summary of files read, no time spent reading.
    let shown = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path])
    XCTAssertEqual(shown.status, 3)
    XCTAssertEqual(shown.stdout, "")
  }

  /// A folder the run may not write to: exit 3, a message that says what to do.
  func testUnwritableOutputs() throws {
    let inputs = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    let out: URL
    if getuid() == 0 {
      // Permissions do not stop root: a read-only mount does.
      out = try tmpfs("readonly", options: "ro,size=1m")
    } else {
      out = work.appendingPathComponent("readonly")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      chmod(out.path, 0o555)
    }
    defer { chmod(out.path, 0o755) }
    let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
    XCTAssertEqual(r.status, 3, r.stderr)
    XCTAssertTrue(r.stderr.contains("tidak ada izin menulis"), r.stderr)
  }

  /// A full disk (a small tmpfs, when the tests run as root) and a file-size
  /// limit (`ulimit -f`, for anyone): exit 3, a clear message, the previous
  /// outputs unchanged.
  func testFullDiskAndFileSizeLimit() throws {
    let small = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    let (big, _) = try inputs("big", files: 150, seed: 3)

    // ulimit -f: write() fails with EFBIG once a file would pass 1 MB.
    let limited = work.appendingPathComponent("limited")
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", small.path, "--outputs", limited.path, "--quiet"]).status,
      0)
    let before = try Data(contentsOf: limited.appendingPathComponent("arsitektur-spbe.json"))
    let sh = URL(fileURLWithPath: "/bin/sh")
    let r = try Binary.run(
      [
        "-c", "ulimit -f 1024 && exec \"$0\" \"$@\"", Binary.url.path, "run", "--inputs", big.path,
        "--outputs", limited.path, "--quiet",
      ], executable: sh)
    XCTAssertEqual(r.status, 3, r.stderr)
    XCTAssertTrue(r.stderr.contains("batas ukuran"), r.stderr)
    XCTAssertEqual(
      try Data(contentsOf: limited.appendingPathComponent("arsitektur-spbe.json")), before)

    guard getuid() == 0 else { throw XCTSkip("a full disk needs a tmpfs mount (root)") }
    let disk = try tmpfs("disk", options: "size=4m")
    let out = disk.appendingPathComponent("outputs")
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", small.path, "--outputs", out.path, "--quiet"]).status, 0)
    let kept = try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json"))
    let full = try Binary.run(["run", "--inputs", big.path, "--outputs", out.path, "--quiet"])
    XCTAssertEqual(full.status, 3, full.stderr)
    XCTAssertTrue(full.stderr.contains("disk penuh"), full.stderr)
    XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("arsitektur-spbe.json")), kept)
    // Nothing of the failed run is left to fill the disk.
    let names = try FileManager.default.contentsOfDirectory(atPath: disk.path)
    XCTAssertEqual(names, ["outputs"])
  }

  /// An outputs folder that is itself a mount point cannot be swapped: the
  /// outputs are staged inside it and renamed into place, still complete.
  func testOutputsFolderThatIsAMountPoint() throws {
    let out = try tmpfs("mounted", options: "size=16m")
    let (a, hashesA) = try inputs("a", files: 20, seed: 4)
    let (b, hashesB) = try inputs("b", files: 30, seed: 5)
    for (inputs, expected) in [(a, 0), (b, 1)] {
      let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
      XCTAssertEqual(r.status, 1, r.stderr)
      XCTAssertEqual(try assertOneCompleteSet(out, sets: [hashesA, hashesB]), expected)
    }
    let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      $0.hasPrefix(".")
    }
    XCTAssertEqual(hidden.sorted(), [".pipeline-putaran", ".pipeline.lock"])
  }

  /// The one-by-one renames of a mount point are said, and a run killed
  /// between them leaves a mark: the next run, even one that then reads
  /// nothing, says so and completes the set before anything else.
  func testRenamesCutShortAreCompletedByTheNextRun() throws {
    let out = try tmpfs("mounted", options: "size=16m")
    let (a, hashesA) = try inputs("a", files: 20, seed: 4)
    let (b, hashesB) = try inputs("b", files: 30, seed: 5)
    let args = { (i: URL) in ["run", "--inputs", i.path, "--outputs", out.path, "--quiet"] }
    let first = try Binary.run(args(a))
    XCTAssertEqual(first.status, 1, first.stderr)
    XCTAssertTrue(first.stderr.contains("titik mount"), first.stderr)
    XCTAssertTrue(first.stderr.contains("satu per satu"), first.stderr)

    let killed = try Binary.run(args(b), environment: ["PIPELINE_FAULT": "between-renames"])
    XCTAssertTrue(killed.timedOut, "the run was not stopped between its renames")
    let mark = out.appendingPathComponent(".pipeline-belum-lengkap")
    XCTAssertTrue(FileManager.default.fileExists(atPath: mark.path))

    let empty = work.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let next = try Binary.run(args(empty))
    XCTAssertEqual(next.status, 3, next.stderr)
    XCTAssertTrue(next.stderr.contains("sudah dilengkapi"), next.stderr)
    XCTAssertEqual(try assertOneCompleteSet(out, sets: [hashesA, hashesB]), 1)
    let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
      $0.hasPrefix(".")
    }
    XCTAssertEqual(hidden.sorted(), [".pipeline-putaran", ".pipeline.lock"])
  }

  /// Every entry under `folder` with its mode and bytes, and the folder's own
  /// mode and inode (a swapped folder is another inode).
  static func snapshot(_ folder: URL) throws -> [String: String] {
    var st = stat()
    guard lstat(folder.path, &st) == 0 else { return [:] }
    var out = [".": "\(String(st.st_mode, radix: 8)) \(st.st_ino)"]
    for case let rel as String in FileManager.default.enumerator(atPath: folder.path)! {
      let p = folder.appendingPathComponent(rel).path
      XCTAssertEqual(lstat(p, &st), 0, rel)
      let bytes =
        st.st_mode & S_IFMT == S_IFREG ? try Data(contentsOf: URL(fileURLWithPath: p)) : Data()
      out[rel] = "\(String(st.st_mode, radix: 8)) \(bytes.base64EncodedString())"
    }
    return out
  }

  /// A run that exits 3 because it read nothing (an empty folder, only a PDF,
  /// only half-copied workbooks) says why and leaves the outputs exactly as
  /// they were, and an outputs folder that did not exist still does not.
  func testARunThatReadsNothingLeavesTheOutputsAsTheyWere() throws {
    let good = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    let out = work.appendingPathComponent("outputs")
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", good.path, "--outputs", out.path, "--quiet"]).status, 0)
    let before = try Self.snapshot(out)
    XCTAssertNotNil(before["umpan-balik"])

    let fm = FileManager.default
    let empty = work.appendingPathComponent("empty")
    let pdf = work.appendingPathComponent("pdf")
    let halves = work.appendingPathComponent("halves")
    for dir in [empty, pdf, halves] {
      try fm.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    try fm.copyItem(
      at: Binary.packageRoot.appendingPathComponent("inputs/catatan.pdf"),
      to: pdf.appendingPathComponent("catatan.pdf"))
    for name in ["bpkad.xlsx", "Keamanan Kab Serang.xlsx"] {
      let whole = try Data(contentsOf: good.appendingPathComponent(name))
      try whole.prefix(whole.count / 2).write(to: halves.appendingPathComponent(name))
    }
    for (inputs, why) in [(empty, "kosong"), (pdf, "dapat dibaca"), (halves, "dapat dibaca")] {
      let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
      XCTAssertEqual(r.status, 3, inputs.lastPathComponent)
      XCTAssertTrue(r.stderr.contains(why), "\(inputs.lastPathComponent): \(r.stderr)")
      XCTAssertEqual(try Self.snapshot(out), before, inputs.lastPathComponent)
      let english = try Binary.run([
        "run", "--inputs", inputs.path, "--outputs", out.path, "--quiet", "--lang", "en",
      ])
      XCTAssertTrue(english.stderr.contains("unchanged") || english.stderr.contains("empty"))
    }
    let absent = work.appendingPathComponent("never")
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", pdf.path, "--outputs", absent.path, "--quiet"]).status, 3)
    let left = (try? fm.contentsOfDirectory(atPath: absent.path)) ?? []
    XCTAssertEqual(left, [], "nothing is left")
    XCTAssertEqual(
      try fm.contentsOfDirectory(atPath: work.path).filter { $0.contains(".pipeline-") }, [])
  }

  /// A run stopped after its pages are rendered, before the commit, leaves
  /// every page of the previous run in place (those of OPDs it no longer has too).
  func testARunStoppedBeforeItsCommitLeavesTheOldPages() throws {
    let bundled = Binary.packageRoot.appendingPathComponent("inputs")
    let out = work.appendingPathComponent("outputs")
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", bundled.path, "--outputs", out.path, "--quiet"]).status, 1)
    let pages = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("umpan-balik").path)
    XCTAssertGreaterThan(pages.count, 10)
    let before = try Self.snapshot(out)

    let one = work.appendingPathComponent("one")
    try FileManager.default.createDirectory(at: one, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: bundled.appendingPathComponent("Bapenda.xlsx"),
      to: one.appendingPathComponent("Bapenda.xlsx"))
    let r = try Binary.run(
      ["run", "--inputs", one.path, "--outputs", out.path, "--quiet"],
      environment: ["PIPELINE_FAULT": "before-commit"])
    XCTAssertTrue(r.timedOut, "the run was not stopped before its commit: \(r.status)")
    XCTAssertEqual(try Self.snapshot(out), before)
    // The next run replaces the folder whole: every OPD of the registry keeps
    // a page, the unknown OPD's page of the earlier run is gone.
    XCTAssertTrue(pages.contains("opd-tidak-dikenal.html"))
    XCTAssertEqual(
      try Binary.run(["run", "--inputs", one.path, "--outputs", out.path, "--quiet"]).status, 1)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(
        atPath: out.appendingPathComponent("umpan-balik").path
      ).sorted(), pages.filter { $0 != "opd-tidak-dikenal.html" }.sorted())
  }

  /// A shared outputs folder (setgid, group-writable, another group) keeps
  /// its mode and group across a run.
  func testASharedOutputsFolderKeepsItsModeAndGroup() throws {
    let inputs = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    let out = work.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let group = try XCTUnwrap(Self.anotherGroup(), "no other group to give the folder")
    XCTAssertEqual(chown(out.path, uid_t.max, group), 0)
    XCTAssertEqual(chmod(out.path, 0o2775), 0)
    for _ in 0..<2 {
      let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
      XCTAssertEqual(r.status, 0, r.stderr)
      XCTAssertEqual(r.stderr, "")
      var st = stat()
      XCTAssertEqual(stat(out.path, &st), 0)
      XCTAssertEqual(String(st.st_mode & 0o7777, radix: 8), "2775")
      XCTAssertEqual(st.st_gid, group)
    }
  }

  /// A run by another user on a folder whose owner and group it may not set
  /// says which were lost; the mode, setgid bit included, is still kept.
  func testAnOwnerThatCannotBeKeptIsSaid() throws {
    let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv.path) else {
      throw XCTSkip("running as another user needs root and setpriv")
    }
    let inputs = Binary.packageRoot.appendingPathComponent(
      "Tests/EndToEndTests/Fixtures/libreoffice")
    let out = work.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    XCTAssertEqual(chmod(work.path, 0o777), 0)
    XCTAssertEqual(chmod(out.path, 0o2777), 0)
    // Run from `work` (open to all), so the history goes there: the other
    // user may not write the repository's `riwayat/`.
    let r = try Binary.run(
      [
        "--reuid=65534", "--regid=65534", "--clear-groups", Binary.url.path, "run", "--inputs",
        inputs.path, "--outputs", out.path, "--quiet",
      ], in: work, executable: setpriv)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stderr.contains("tanpa pemilik (root), grup (root) semula"), r.stderr)
    var st = stat()
    XCTAssertEqual(stat(out.path, &st), 0)
    XCTAssertEqual(String(st.st_mode & 0o7777, radix: 8), "2777")
  }

  /// A group other than the process's own that it may give a folder: any
  /// for root (nogroup), else one of its supplementary groups.
  static func anotherGroup() -> gid_t? {
    if getuid() == 0 { return 65534 }
    var groups = [gid_t](repeating: 0, count: 64)
    let n = getgroups(64, &groups)
    return groups.prefix(Int(max(n, 0))).first { $0 != getegid() }
  }

  /// SIGTERM while the outputs are being written, SIGINT while the inputs are
  /// read: the run removes what it staged, lets go of the lock and exits 143
  /// or 130; the previous outputs are untouched.
  func testSignalsRemoveTheStagedOutputsAndExit() throws {
    let (a, _) = try inputs("a", files: 200, seed: 6)
    let out = work.appendingPathComponent("outputs")
    let args = ["run", "--inputs", a.path, "--outputs", out.path, "--quiet"]
    XCTAssertEqual(try Binary.run(args).status, 1)
    let started = Date()
    XCTAssertEqual(try Binary.run(args).status, 1)
    let full = Date().timeIntervalSince(started)
    let before = try Self.snapshot(out)
    let staging = ".outputs.pipeline-baru-"

    for (sig, status) in [(SIGTERM, Int32(143)), (SIGINT, 130)] {
      let p = Process()
      p.executableURL = Binary.url
      p.arguments = args
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      if sig == SIGTERM {
        // Once the staging folder exists the outputs are being written.
        let deadline = Date().addingTimeInterval(5 * full + 10)
        while Date() < deadline,
          !(try FileManager.default.contentsOfDirectory(atPath: work.path)).contains(where: {
            $0.hasPrefix(staging)
          })
        {
          usleep(2000)
        }
      } else {
        usleep(UInt32(max(0.3 * full, 0.5) * 1_000_000))
      }
      kill(p.processIdentifier, sig)
      p.waitUntilExit()
      XCTAssertEqual(p.terminationReason, .exit, "signal \(sig)")
      XCTAssertEqual(p.terminationStatus, status, "signal \(sig)")
      XCTAssertEqual(
        try FileManager.default.contentsOfDirectory(atPath: work.path).filter {
          $0.contains(".pipeline-")
        }, [])
      XCTAssertEqual(try Self.snapshot(out), before)
      let fd = open(out.appendingPathComponent(".pipeline.lock").path, O_RDONLY)
      XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
      close(fd)
    }
  }

  /// A fresh tmpfs mounted in the work folder, unmounted after the test;
  /// skips the test when it cannot be mounted (not root).
  func tmpfs(_ name: String, options: String) throws -> URL {
    guard getuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
    let dir = work.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    guard Self.mount(["-t", "tmpfs", "-o", options, "tmpfs", dir.path]) else {
      throw XCTSkip("cannot mount a tmpfs")
    }
    addTeardownBlock { _ = Self.mount([dir.path], command: "/bin/umount") }
    return dir
  }

  static func mount(_ args: [String], command: String = "/bin/mount") -> Bool {
    (try? Binary.run(args, executable: URL(fileURLWithPath: command)).status) == 0
  }
}
