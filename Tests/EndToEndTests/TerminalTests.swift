import Foundation
import XCTest

/// What `pipeline run` prints: colours only on a terminal and never with
/// `NO_COLOR`, nothing with `--quiet`, and a summary whose table adds up.
final class TerminalTests: XCTestCase {
  let inputs = Binary.packageRoot.appendingPathComponent("inputs")
  let escape = "\u{1B}["

  /// Whether `s` holds a colour or style (SGR) sequence. The progress line's
  /// erase-line (`ESC[K`) is not one: it shows on a terminal, NO_COLOR or not,
  /// whenever a run takes longer than half a second.
  func hasColour(_ s: String) -> Bool {
    s.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
  }

  /// Runs the binary on a pseudo-terminal through util-linux's `script`.
  func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      throw XCTSkip("util-linux script(1) is not installed")
    }
    let command = ([Binary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    // An empty NO_COLOR counts as unset (no-color.org).
    let env = ["TERM": "xterm", "NO_COLOR": ""].merging(environment) { $1 }
    return try Binary.tool(["script", "-qec", command, "/dev/null"], environment: env).stdout
  }

  func testColoursOnATerminalOnly() throws {
    let out = try Binary.temporaryFolder("term")
    let args = ["run", "--inputs", inputs.path, "--outputs", out.path]
    let tty = try runOnTerminal(args)
    XCTAssertTrue(tty.contains("Jumlah"), tty)
    XCTAssertTrue(hasColour(tty), "no colour on a terminal:\n\(tty)")

    let noColor = try runOnTerminal(args, environment: ["NO_COLOR": "1"])
    XCTAssertTrue(noColor.contains("Jumlah"), noColor)
    XCTAssertFalse(hasColour(noColor), "NO_COLOR ignored")

    let piped = try Binary.run(args)
    XCTAssertTrue(piped.stdout.contains("Jumlah"))
    XCTAssertFalse(hasColour(piped.stdout), "colour written into a pipe")
    XCTAssertFalse(piped.stderr.contains(escape), "progress written into a pipe")
  }

  func testQuietPrintsNothing() throws {
    let out = try Binary.temporaryFolder("quiet")
    let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"])
    XCTAssertEqual(r.stdout, "")
    XCTAssertEqual(r.stderr, "")
    XCTAssertEqual(r.status, 1)
  }

  /// The summary's per-domain table agrees with the JSON written by the same run.
  func testSummaryTableMatchesTheJSON() throws {
    let out = try Binary.temporaryFolder("summary")
    let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path])
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
    let total = try XCTUnwrap(doc["ringkasan"] as? [String: Any])
    let line = try XCTUnwrap(
      r.stdout.split(separator: "\n").first {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("Jumlah")
      })
    let numbers = line.split(separator: " ").dropFirst().compactMap { Int($0) }
    let accepted = ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"]
      .reduce(0) { $0 + ((doc[$1] as? [Any])?.count ?? 0) }
    let rejected = (doc["ditolak"] as? [Any])?.count ?? -1
    XCTAssertEqual(numbers, [accepted + rejected, accepted, rejected], "\(line) vs \(total)")
  }

  /// Usage errors exit 2 (SPEC §6) and are said in the chosen language, the
  /// parser's suggestion kept; help still prints and exits 0.
  func testUsageErrorsExitTwoInTheChosenLanguage() throws {
    let empty = try Binary.temporaryFolder("usage")
    let unknown = try Binary.run(["run", "--input", "x"], in: empty)
    XCTAssertEqual(unknown.status, 2, unknown.stderr)
    XCTAssertEqual(
      unknown.stderr,
      "pipeline: opsi '--input' tidak dikenal; mungkin maksudnya '--inputs'? "
        + "Lihat `pipeline run --help`.\n")

    let badLang = try Binary.run(["run", "--lang", "fr"], in: empty)
    XCTAssertEqual(badLang.status, 2, badLang.stderr)
    XCTAssertTrue(
      badLang.stderr.contains("nilai 'fr' tidak sah untuk '--lang'; pilih 'id' atau 'en'"),
      badLang.stderr)

    let english = try Binary.run(["validate", "--lang", "en", "--jobs"], in: empty)
    XCTAssertEqual(english.status, 2, english.stderr)
    XCTAssertTrue(english.stderr.contains("option '--jobs' needs a value"), english.stderr)

    // `bahasa: en` in the configuration is read too.
    try Data("bahasa: en\n".utf8).write(to: empty.appendingPathComponent("pipeline.yml"))
    let configured = try Binary.run(["run", "extra"], in: empty)
    XCTAssertEqual(configured.status, 2, configured.stderr)
    XCTAssertTrue(configured.stderr.contains("unexpected argument: 'extra'"), configured.stderr)

    let help = try Binary.run(["run", "--help"], in: empty)
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("--inputs"), help.stdout)
  }

  /// With no pipeline.yml and no inputs folder, the message says where it looked.
  func testNoConfigurationAndNoInputsSaysWhereItLooked() throws {
    let empty = try Binary.temporaryFolder("bare")
    let r = try Binary.run(["run"], in: empty)
    XCTAssertEqual(r.status, 3, r.stderr)
    XCTAssertTrue(r.stderr.contains("tidak ada pipeline.yml di folder ini"), r.stderr)
    XCTAssertTrue(r.stderr.contains(empty.lastPathComponent), r.stderr)
  }

  /// The summary names the files it could not use and where to look first; on
  /// exit 1 it says the inputs, not the installation, need fixing.
  func testSummaryNamesUnusedFilesAndWhereToStart() throws {
    let out = try Binary.temporaryFolder("start")
    let r = try Binary.run(["run", "--inputs", inputs.path, "--outputs", out.path])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(
      r.stdout.contains("  dilewati (format tidak didukung): catatan.pdf\n"), r.stdout)
    XCTAssertTrue(
      r.stdout.contains(
        "Mulai dari laporan: " + out.appendingPathComponent("laporan.html").path + "\n"),
      r.stdout)
    XCTAssertTrue(
      r.stdout.hasSuffix(
        "Masukan berisi kesalahan yang perlu diperbaiki OPD (lihat laporan dan umpan balik); program berjalan dengan benar.\n"
      ), r.stdout)
  }

  /// A configuration error names the file given with `--config`.
  func testConfigurationErrorsNameTheFileGiven() throws {
    let dir = try Binary.temporaryFolder("cfg")
    try Data("bahasaa: id\n".utf8).write(to: dir.appendingPathComponent("lain.yml"))
    let r = try Binary.run(["run", "--config", "lain.yml"], in: dir)
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertEqual(
      r.stderr,
      "pipeline: lain.yml: kunci \"bahasaa\" tidak dikenal (lihat README, bagian Konfigurasi)\n")
  }
}
