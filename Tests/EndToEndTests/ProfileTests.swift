import Foundation
import XCTest

/// `profil.html` from real runs of the built binary: written by default,
/// linked with `laporan.html` only when both are written, its numbers those
/// of `arsitektur-spbe.json`, and opened in headless Chromium with nothing
/// requested or logged (`scripts/check-html`, `scripts/screenshot-report`).
final class ProfileTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  let inputs = Binary.packageRoot.appendingPathComponent("inputs")

  func runTool(_ extra: [String] = [], config formats: [String]? = nil) throws -> URL {
    let root = try Binary.temporaryFolder("profil")
    let out = root.appendingPathComponent("outputs")
    var args = ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"] + extra
    if let formats {
      let config = root.appendingPathComponent("pipeline.yml")
      try "format_keluaran: [\(formats.joined(separator: ", "))]\n".write(
        to: config, atomically: true, encoding: .utf8)
      args += ["--config", config.path]
    }
    let r = try Binary.run(args, environment: epoch)
    XCTAssertLessThanOrEqual(r.status, 1, r.stderr)
    return out
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
      out.append(c)
    }
    return out
  }

  func testTheBundledInputsProfile() throws {
    let out = try runTool()
    let page = out.appendingPathComponent("profil.html")
    let html = try read(page)
    let report = try read(out.appendingPathComponent("laporan.html"))
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))

    XCTAssertTrue(html.contains("<h1>Profil Arsitektur SPBE</h1>"))
    for id in [
      "angka", "anggaran", "aplikasi-umum", "konsolidasi", "celah", "interoperabilitas", "hosting",
    ] {
      XCTAssertTrue(html.contains("<section id=\"\(id)\">"), id)
    }
    // Each page links to the other.
    XCTAssertTrue(report.contains("<a href=\"profil.html\">Profil Arsitektur SPBE →</a>"))
    XCTAssertTrue(html.contains("href=\"laporan.html\""))

    // The regency in numbers: the records of each domain in the JSON, and the OPDs that sent.
    let domains = ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"]
    var all = 0
    for d in domains {
      let n = (doc[d] as? [Any])?.count ?? -1
      all += n
      XCTAssertTrue(html.contains("</td><td class=\"n\">\(grouped(n))</td></tr>"), "\(d) \(n)")
    }
    XCTAssertGreaterThan(all, 0)
    XCTAssertTrue(html.contains("<td>Jumlah</td><td class=\"n\">\(grouped(all))</td>"))
    let offices = try XCTUnwrap(doc["opd"] as? [[String: Any]])
    let sending = offices.filter { !($0["berkas"] as? [String] ?? []).isEmpty }.count
    XCTAssertTrue(
      html.contains("<div class=\"v\">\(sending)</div><div class=\"s\">dari \(offices.count) OPD"))

    // The analyses: the JSON's when the run computes them; said empty otherwise.
    if let analisis = doc["analisis"] as? [String: Any],
      let budget = analisis["anggaran"] as? [String: Any], let total = budget["total"] as? Int
    {
      XCTAssertTrue(html.contains("Total anggaran: Rp \(grouped(total))"), "\(total)")
      for c in analisis["aplikasi_umum"] as? [[String: Any]] ?? [] {
        XCTAssertTrue(
          html.contains((c["nama"] as? String ?? "?").replacingOccurrences(of: "&", with: "&amp;")))
      }
    } else {
      XCTAssertTrue(html.contains("Belum ada nilai anggaran pada rekaman yang diterima."))
      XCTAssertTrue(html.contains("Tidak ada aliran data antar-OPD."))
    }

    // Opened by a real browser: nothing requested or logged, no script, SVG drawn.
    let r = try Binary.tool(
      ["python3", Binary.packageRoot.appendingPathComponent("scripts/check-html").path, page.path])
    XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
    let check = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
    XCTAssertEqual(check["scripts"] as? Int, 0)
    XCTAssertEqual((check["requests"] as? [Any])?.count, 0)
    XCTAssertEqual((check["errors"] as? [Any])?.count, 0)
    XCTAssertTrue((check["tags"] as? [String] ?? []).contains("svg"))
    XCTAssertEqual(
      check["title"] as? String, "Profil Arsitektur SPBE — Pemerintah Kabupaten Serang")

    // The reviewers' pictures: desktop, phone and A4 print layouts of the profile too.
    let shots = try Binary.temporaryFolder("profil-png")
    let s = try Binary.tool(
      [
        Binary.packageRoot.appendingPathComponent("scripts/screenshot-report").path, out.path,
        shots.path,
      ])
    XCTAssertEqual(s.status, 0, s.stderr)
    let pngs = try FileManager.default.contentsOfDirectory(atPath: shots.path)
    for stem in ["laporan-1.png", "profil-1.png", "profil-ponsel-1.png", "profil-a4-1.png"] {
      XCTAssertTrue(pngs.contains(stem), "\(stem) in \(pngs)")
    }

    // Same inputs, same bytes; English when asked.
    let again = try runTool(["--jobs", "1"])
    XCTAssertEqual(
      try Data(contentsOf: page), try Data(contentsOf: again.appendingPathComponent("profil.html")))
    let en = try read(runTool(["--lang", "en"]).appendingPathComponent("profil.html"))
    XCTAssertTrue(en.contains("<h1>SPBE Architecture Profile</h1>"))
  }

  /// The link between the pages is there only when both are written.
  func testTheLinksNeedBothPages() throws {
    let profileOnly = try runTool(config: ["profil-html"])
    let names = try FileManager.default.contentsOfDirectory(atPath: profileOnly.path).filter {
      !$0.hasPrefix(".")
    }
    XCTAssertEqual(names, ["profil.html"])
    XCTAssertFalse(
      try read(profileOnly.appendingPathComponent("profil.html")).contains("laporan.html\""))
    let reportOnly = try runTool(config: ["laporan-html"])
    XCTAssertFalse(
      try read(reportOnly.appendingPathComponent("laporan.html")).contains("profil.html"))
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: reportOnly.appendingPathComponent("profil.html").path))
  }
}
