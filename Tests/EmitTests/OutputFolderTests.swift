import Foundation
import Pipeline
import XCTest

@testable import Emit

/// The outputs folder as a set: nothing visible before `commit()`, all of it
/// after; entries the run did not write are kept; names cannot leave the folder.
final class OutputFolderTests: XCTestCase {
  var root: URL!
  var path: String { root.appendingPathComponent("outputs").path }

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("of-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func read(_ name: String) -> String? {
    (try? String(contentsOfFile: (path as NSString).appendingPathComponent(name), encoding: .utf8))
  }

  /// One run: open, write, commit, and let go of the lock.
  func commit(_ files: [String: String]) throws {
    let f = OutputFolder(path: path)
    try f.open()
    for (name, text) in files.sorted(by: { $0.key < $1.key }) { try f.write(name, text) }
    try f.commit()
  }

  func testNothingIsVisibleBeforeCommitAndEverythingAfter() throws {
    try commit(["a.json": "1", "umpan-balik/Dinas A.html": "1"])
    XCTAssertEqual(read("a.json"), "1")

    let second = OutputFolder(path: path)
    try second.open()
    try second.write("a.json", "2")
    try second.write("umpan-balik/Dinas B.html", "2")
    XCTAssertEqual(read("a.json"), "1")
    XCTAssertNil(read("umpan-balik/Dinas B.html"))
    try second.commit()
    XCTAssertEqual(read("a.json"), "2")
    // A folder output is replaced as a whole: no page of the previous run remains.
    XCTAssertNil(read("umpan-balik/Dinas A.html"))
    XCTAssertEqual(read("umpan-balik/Dinas B.html"), "2")
  }

  func testWritersThatWantAPath() throws {
    try commit(["a.json": "1"])
    let f = OutputFolder(path: path)
    try f.open()
    try f.write("b.xlsx") { temp in try "2".write(toFile: temp, atomically: false, encoding: .utf8)
    }
    XCTAssertNil(read("b.xlsx"))
    try f.commit()
    XCTAssertEqual(read("b.xlsx"), "2")
    XCTAssertEqual(read("a.json"), "1")
  }

  func testAnUncommittedRunLeavesThePreviousSetAndNoStaging() throws {
    try commit(["a.json": "1"])
    do {
      let failed = OutputFolder(path: path)
      try failed.open()
      try failed.write("a.json", "2")
    }
    XCTAssertEqual(read("a.json"), "1")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["outputs"])
  }

  func testEntriesTheRunDidNotWriteAreKept() throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try "catatan".write(toFile: path + "/catatan saya.txt", atomically: false, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: path + "/arsip", withIntermediateDirectories: true)
    try "lama".write(toFile: path + "/arsip/2025.json", atomically: false, encoding: .utf8)
    try commit(["a.json": "1"])
    XCTAssertEqual(read("catatan saya.txt"), "catatan")
    XCTAssertEqual(read("arsip/2025.json"), "lama")
    XCTAssertEqual(read("a.json"), "1")
  }

  /// The lock file travels with the set, so the lock holds across the swap.
  func testTheLockHoldsAcrossCommits() throws {
    let first = OutputFolder(path: path)
    try first.open()
    try first.write("a.json", "1")
    try first.commit()
    XCTAssertThrowsError(try OutputFolder(path: path).open()) { e in
      XCTAssertEqual(e as? OutputFolder.Failure, .locked(path: path))
    }
  }

  func testSafeFileNamesFromInputText() throws {
    XCTAssertEqual(OutputFolder.safeFileName("Dinas Kesehatan"), "Dinas-Kesehatan")
    XCTAssertEqual(OutputFolder.safeFileName("../../etc/passwd"), "etc-passwd")
    XCTAssertEqual(OutputFolder.safeFileName("Dinas A/B\\C"), "Dinas-A-B-C")
    XCTAssertEqual(OutputFolder.safeFileName("..."), "_")
    XCTAssertEqual(OutputFolder.safeFileName("a\u{0}b\nc"), "a-b-c")
    XCTAssertEqual(OutputFolder.safeFileName(String(repeating: "é", count: 200)), "_")
    XCTAssertEqual(OutputFolder.safeFileName(String(repeating: "ab", count: 60)).count, 80)
    // Whatever the text, the name stays one component inside the folder.
    let f = OutputFolder(path: path)
    try f.open()
    for text in ["../../x", "/abs", "a/../b", ".hidden", "", "\u{0}"] {
      XCTAssertNoThrow(try f.write("umpan-balik/" + OutputFolder.safeFileName(text) + ".html", "x"))
    }
    try f.commit()
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["outputs"])
  }

  func testNamesCannotLeaveTheFolder() throws {
    let f = OutputFolder(path: path)
    try f.open()
    for bad in [
      "../x.json", "/tmp/x.json", "a/../../x.json", "umpan-balik/../../x", "", "a//b",
      ".pipeline.lock",
    ] {
      XCTAssertThrowsError(try f.write(bad, "x"), bad) { e in
        XCTAssertEqual(e as? OutputFolder.Failure, .badName(bad))
      }
    }
    try f.commit()
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["outputs"])
  }
  /// The new folder takes the old one's owner, group and mode, setgid bit
  /// included (root may set any owner; others keep their own).
  func testTheSwappedFolderKeepsOwnerGroupAndMode() throws {
    try commit(["a.json": "1"])
    let isRoot = getuid() == 0
    let owner: uid_t = isRoot ? 65534 : getuid()
    let group: gid_t = isRoot ? 65534 : getegid()
    XCTAssertEqual(chown(path, owner, group), 0)
    XCTAssertEqual(chmod(path, 0o2770), 0)
    final class Notes: @unchecked Sendable { var all: [OutputsNotice] = [] }
    let notes = Notes()
    let f = OutputFolder(path: path) { notes.all.append($0) }
    try f.open()
    try f.write("a.json", "2")
    try f.commit()
    XCTAssertEqual(read("a.json"), "2")
    var st = stat()
    XCTAssertEqual(stat(path, &st), 0)
    XCTAssertEqual(String(st.st_mode & 0o7777, radix: 8), "2770")
    XCTAssertEqual(st.st_uid, owner)
    XCTAssertEqual(st.st_gid, group)
    XCTAssertEqual(notes.all, [])
  }

  /// A folder output the run makes but puts nothing in still replaces the
  /// previous one.
  func testAnEmptyFolderOutputReplacesTheOldOne() throws {
    try commit(["umpan-balik/Dinas A.html": "1"])
    let f = OutputFolder(path: path)
    try f.open()
    try f.makeFolder("umpan-balik")
    try f.commit()
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path + "/umpan-balik"), [])
  }

  /// An interrupted run drops what it staged and lets go of the lock; an
  /// outputs folder it created is gone again.
  func testAnInterruptionDropsTheStagingAndTheLock() throws {
    let f = OutputFolder(path: path)
    try f.open()
    try f.write("umpan-balik/a.html", "1")
    f.interrupt()
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    XCTAssertNoThrow(try OutputFolder(path: path).acquire())
  }

  func testFoldersARunMustNotReplaceWhole() {
    let refuse = { (outputs: String) in
      OutputFolder.refusal(
        outputs: outputs, inputs: "/srv/spbe/masukan", workingFolder: "/srv/spbe/kerja",
        homes: ["/srv/rumah"])
    }
    for system in ["/", "/etc", "/etc/", "/usr", "/bin", "/var", "/tmp", "/var/../etc", "/home"] {
      XCTAssertEqual(refuse(system), .systemFolder(system), system)
    }
    XCTAssertEqual(refuse("/srv/rumah"), .homeFolder("/srv/rumah"))
    XCTAssertEqual(refuse("."), .workingFolder("."))
    XCTAssertEqual(refuse(".."), .workingFolder(".."))
    XCTAssertEqual(
      refuse("../masukan"), .holdsInputs(outputs: "../masukan", inputs: "/srv/spbe/masukan"))
    XCTAssertEqual(
      refuse("/srv/spbe/masukan/.."),
      .workingFolder("/srv/spbe/masukan/.."))
    for fine in ["keluaran", "/srv/spbe/keluaran", "/srv/spbe/masukan/hasil", "/tmp/x", "/etc2"] {
      XCTAssertNil(refuse(fine), fine)
    }
  }
}
