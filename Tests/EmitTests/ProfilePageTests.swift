import Foundation
import Pipeline
import Standard
import XCTest

@testable import Emit

/// `profil.html` rendered from a hand-built `Analysis` over the bundled
/// inputs' records (`ProfileSample`): every section, the model's numbers,
/// escaping, the CSP, and what an empty analysis says.
final class ProfilePageTests: XCTestCase {
  nonisolated(unsafe) static var cached: (Architecture, Standard)?

  func bundled() throws -> (Architecture, Standard) {
    if let c = Self.cached { return c }
    let c = try ProfileSample.bundled()
    Self.cached = c
    return c
  }

  func render(
    _ analysis: Analysis?, language: Language = .id, reportLink: String? = "laporan.html"
  ) throws -> (String, Architecture, Standard) {
    let (run, standard) = try bundled()
    let a = ProfileSample.with(analysis ?? ProfileSample.analysis(run), run, standard)
    var config = Configuration()
    config.language = language
    let page = ProfilePage(
      context: EmitContext(
        architecture: a, standard: standard, configuration: config,
        createdAt: Date(timeIntervalSince1970: 1_767_225_600)),
      reportLink: reportLink)
    return (page.render(), a, standard)
  }

  /// `>text<`: the text is a whole element's content.
  func cell(_ s: String) -> String { ">" + HTML.escape(s) + "<" }

  func testEverySectionShowsTheModelsNumbers() throws {
    let (html, a, standard) = try render(nil)
    let m = a.analysis
    for id in [
      "angka", "anggaran", "aplikasi-umum", "konsolidasi", "celah", "interoperabilitas", "hosting",
    ] {
      XCTAssertTrue(html.contains("<section id=\"\(id)\">"), id)
      XCTAssertTrue(html.contains("href=\"#\(id)\""), id)
    }
    // The regency in numbers: accepted records per domain, as the run counted them.
    for d in standard.domains {
      let n = a.accepted.filter { $0.domain == d.key }.count
      XCTAssertTrue(
        html.contains("<td>\(d.label)</td><td class=\"n\">\(Format.count(n, .id))</td>"), d.key)
    }
    XCTAssertTrue(html.contains("Total anggaran: \(Format.rupiah(m.anggaran.total, .id))"))
    XCTAssertTrue(html.contains(Format.rupiahShort(m.anggaran.total, .id)))
    let appsWithout = m.anggaran.perOPD.filter { $0.domain == "aplikasi" }.reduce(0) {
      $0 + $1.tanpaNilai
    }
    XCTAssertGreaterThan(appsWithout, 0)
    XCTAssertTrue(html.contains("\(appsWithout) aplikasi tanpa nilai anggaran"))
    // Each budget line is a row; the sums row of per OPD is the total.
    for l in m.anggaran.perOPD + m.anggaran.perRAA + m.anggaran.perTahun {
      XCTAssertTrue(html.contains("<td class=\"n\">\(Format.count(l.jumlah, .id))</td>"), l.kunci)
    }
    XCTAssertTrue(
      html.contains(
        "<tr class=\"sum\"><td>Jumlah</td><td></td><td class=\"n\">\(Format.count(m.anggaran.total, .id))</td>"
      ))
    for item in m.anggaran.termahal { XCTAssertTrue(html.contains(cell(item.nama)), item.nama) }

    // The adoption matrix has one cell per Aplikasi Umum × OPD, said in its title.
    for c in m.aplikasiUmum {
      for o in c.opdPengguna + c.opdBukanPengguna {
        let name = standard.opds.office(code: o)?.name ?? o
        let word = c.opdPengguna.contains(o) ? "dipakai" : "tidak dipakai"
        XCTAssertTrue(
          html.contains("<title>" + HTML.escape("\(c.nama) — \(name): \(word)") + "</title>"),
          "\(c.nama) \(o)")
      }
    }
    for c in m.aplikasiUmum {
      for r in c.kandidatMigrasi { XCTAssertTrue(html.contains(">\(r.id) · "), r.id) }
    }
    // Consolidation: each group's reason and amount.
    for g in m.kandidatKonsolidasi {
      XCTAssertTrue(html.contains(cell(g.alasan)), g.alasan)
      XCTAssertTrue(html.contains(cell(g.anggaran.map { Format.count($0, .id) } ?? "tanpa nilai")))
    }
    // Gaps: the sums row counts every one; each kind's column sums its kind.
    XCTAssertTrue(html.contains("<td class=\"n\">\(m.celah.count)</td></tr>"))
    // Flows: one matrix cell per pair, its count in the title.
    for f in m.interoperabilitas {
      let from = standard.opds.office(code: f.dariOPD)?.name ?? f.dariOPD
      let to = standard.opds.office(code: f.keOPD)?.name ?? f.keOPD
      XCTAssertTrue(
        html.contains(
          "<title>" + HTML.escape("\(from) → \(to): \(f.data.count) data") + "</title>"),
        "\(from) → \(to)")
    }
    // Hosting: each location's count and share of all applications.
    var perPlace: [String: Int] = [:]
    for s in m.hosting { perPlace[s.lokasi, default: 0] += s.jumlah }
    let all = perPlace.values.reduce(0, +)
    for (_, n) in perPlace {
      XCTAssertTrue(
        html.contains(
          "<td class=\"n\">\(n)</td><td class=\"n\">\(Format.percent(n, all, .id))</td>"))
    }
    let outside = m.hosting.filter { ["cloud-swasta", "server-opd"].contains($0.lokasi) }.reduce(0)
    { $0 + $1.jumlah }
    XCTAssertTrue(html.contains("\(outside) aplikasi belum berjalan di Pusat Data Nasional"))
    // Linked back to the report; no external link.
    XCTAssertTrue(html.contains("href=\"laporan.html\""))
  }

  func testHostileNamesAreTextAndThePageCannotRunOrLoadAnything() throws {
    let (html, _, _) = try render(nil)
    XCTAssertFalse(html.contains("<script"))
    XCTAssertFalse(html.contains("<img"))
    XCTAssertFalse(html.contains("<b>"))
    XCTAssertTrue(html.contains(HTML.escape(ProfileSample.hostileApp)))
    XCTAssertTrue(html.contains(HTML.escape(ProfileSample.hostileOPD)))
    XCTAssertTrue(html.contains(HTML.escape(ProfileSample.hostileCommon)))
    XCTAssertTrue(
      html.contains(
        "content=\""
          + HTML.escape(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src 'none'"
          ) + "\""))
    XCTAssertFalse(html.contains("http://"))
    XCTAssertFalse(html.contains("https://"))
    XCTAssertFalse(html.contains(" src=\""))
    // Only anchors of the page and the report are links.
    let links = try NSRegularExpression(pattern: #"href="([^"]*)""#)
      .matches(in: html, range: NSRange(html.startIndex..., in: html))
      .map { String(html[Range($0.range(at: 1), in: html)!]) }
    XCTAssertFalse(links.isEmpty)
    XCTAssertTrue(links.allSatisfy { $0.hasPrefix("#") || $0 == "laporan.html" }, "\(links)")
  }

  func testAnEmptyAnalysisSaysSoInWordsAndLinksNowhereWithoutTheReport() throws {
    let (html, _, _) = try render(.empty, reportLink: nil)
    for text: ProfileText in [
      .noBudget, .noCommon, .noConsolidation, .noGaps, .noFlows, .noHosting,
    ] {
      XCTAssertTrue(html.contains(cell(text(.id))), "\(text)")
    }
    XCTAssertFalse(html.contains("<svg role=\"img\" aria-label=\"Pemakaian"))
    XCTAssertFalse(html.contains("laporan.html\""))
    // The regency's numbers are there all the same.
    XCTAssertTrue(html.contains("<section id=\"angka\">"))
  }

  func testEnglishAndTheSameBytesTwice() throws {
    let (en, _, _) = try render(nil, language: .en)
    XCTAssertTrue(en.contains("<html lang=\"en\">"))
    XCTAssertTrue(en.contains("<h1>SPBE Architecture Profile</h1>"))
    XCTAssertTrue(en.contains("Budget per OPD"))
    let (one, _, _) = try render(nil)
    let (two, _, _) = try render(nil)
    XCTAssertEqual(one, two)
  }

  /// Headless Chromium (scripts/check-html): no request, no console error, no
  /// handler, no script, the charts drawn. `PROFIL_PNG=DIR` also keeps
  /// pictures at desktop, phone and A4 print widths, for people to look at.
  func testTheHandBuiltPageOpensCleanInABrowser() throws {
    let (html, _, _) = try render(nil)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("profil-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("profil.html")
    try html.write(to: page, atomically: true, encoding: .utf8)
    let shots = ProcessInfo.processInfo.environment["PROFIL_PNG"]
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments =
      ["python3", ProfileSample.packageRoot.appendingPathComponent("scripts/check-html").path]
      + (shots.map { ["--screenshot", $0 + "/profil-desktop.png"] } ?? []) + [page.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0, text)
    let check = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    XCTAssertEqual(check["scripts"] as? Int, 0)
    XCTAssertEqual((check["requests"] as? [Any])?.count, 0)
    XCTAssertEqual((check["errors"] as? [Any])?.count, 0)
    let tags = check["tags"] as? [String] ?? []
    XCTAssertTrue(tags.contains("svg") && tags.contains("rect"), "\(tags)")
    if let shots {
      for (width, name, media) in [("390", "phone", "screen"), ("720", "a4", "print")] {
        let q = Process()
        q.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        q.arguments = [
          "python3", ProfileSample.packageRoot.appendingPathComponent("scripts/check-html").path,
          "--width", width, "--media", media, "--screenshot", "\(shots)/profil-\(name).png",
          page.path,
        ]
        q.standardOutput = FileHandle.nullDevice
        try q.run()
        q.waitUntilExit()
        XCTAssertEqual(q.terminationStatus, 0, name)
      }
    }
  }
}

/// The texts of `profil.html`: both languages, the same placeholders.
final class ProfileTextTests: XCTestCase {
  func placeholders(_ text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: #"\{[a-z_]+\}"#)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
      String(text[Range($0.range, in: text)!])
    }.sorted()
  }

  func testEveryTextHasBothLanguagesWithTheSameValues() {
    for text in ProfileText.allCases {
      let (id, en) = text.words
      XCTAssertFalse(id.trimmingCharacters(in: .whitespaces).isEmpty, "\(text)")
      XCTAssertFalse(en.trimmingCharacters(in: .whitespaces).isEmpty, "\(text)")
      XCTAssertEqual(placeholders(id), placeholders(en), "\(text)")
    }
  }
}
