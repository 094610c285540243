import Foundation
import XCTest

/// `laporan.html` and `umpan-balik/` from real runs, opened in headless
/// Chromium by `scripts/check-html`: no request, no console error, no live
/// handler; every value escaped, bidi and control characters neutralised,
/// NIK/NIP masked.
final class HTMLTests: XCTestCase {
  let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]
  let fixtures = Binary.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/hostile")

  struct PageCheck: Decodable {
    let page: String
    let title: String
    let rows: Int
    let script_ran: Bool
    let scripts: Int
    let tags: [String]
    let handlers: [String]
    let shown: Int?
    let requests: [String]
    let errors: [String]
  }

  /// What Chromium made of `pages`, and the checker's exit status.
  func browse(_ pages: [URL], expectScript: Bool = false, search: String? = nil) throws -> (
    Int32, [PageCheck]
  ) {
    let r = try Binary.tool(
      ["python3", Binary.packageRoot.appendingPathComponent("scripts/check-html").path]
        + (expectScript ? ["--expect-script"] : []) + (search.map { ["--search", $0] } ?? [])
        + pages.map(\.path))
    // Chromium comes from `scripts/install-deps --test`; without it the checker says so here.
    let checks = try r.stdout.split(separator: "\n").map {
      try JSONDecoder().decode(PageCheck.self, from: Data($0.utf8))
    }
    XCTAssertEqual(checks.count, pages.count, "the checker did not report every page: \(r.stderr)")
    return (r.status, checks)
  }

  func run(_ inputs: URL, into out: URL? = nil, _ extra: [String] = []) throws -> URL {
    let out = try out ?? Binary.temporaryFolder("html-out")
    let r = try Binary.run(
      ["run", "--inputs", inputs.path, "--outputs", out.path, "--quiet"] + extra,
      environment: epoch)
    XCTAssertLessThanOrEqual(r.status, 1, r.stderr)
    return out
  }

  func feedbackPages(_ out: URL) throws -> [URL] {
    let dir = out.appendingPathComponent("umpan-balik")
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().map {
      dir.appendingPathComponent($0)
    }
  }

  /// The check itself can fail: a page with an external image, an inline
  /// handler and a script that throws.
  func testTheBrowserCheckSeesRequestsErrorsAndHandlers() throws {
    let (status, checks) = try browse([fixtures.appendingPathComponent("unsafe-page.html")])
    XCTAssertEqual(status, 1)
    let c = try XCTUnwrap(checks.first)
    XCTAssertEqual(c.requests, ["http://example.invalid/x.png"])
    XCTAssertTrue(c.errors.contains { $0.contains("boom") }, "\(c.errors)")
    XCTAssertEqual(c.handlers, ["img onerror"])
  }

  func testBundledInputs() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    let out = try run(inputs)
    let report = out.appendingPathComponent("laporan.html")
    let html = try String(contentsOf: report, encoding: .utf8)
    let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))

    // Every OPD of the registry is in the heat map, those that sent nothing too.
    let offices = try XCTUnwrap(doc["opd"] as? [[String: Any]])
    XCTAssertEqual(offices.count, 58)
    for o in offices {
      let name = (o["nama"] as? String ?? "").replacingOccurrences(of: "&", with: "&amp;")
      XCTAssertTrue(html.contains(">\(name)<"), name)
    }
    // Every finding is listed with its id and location.
    let findings = try XCTUnwrap(doc["temuan"] as? [[String: Any]])
    XCTAssertFalse(findings.isEmpty)
    for f in findings {
      XCTAssertTrue(html.contains(">\(f["id"] as? String ?? "?")<"), "\(f["id"] ?? "")")
    }
    let first = try XCTUnwrap(findings.first { $0["sel"] is String })
    let place = [first["berkas"], first["lembar"], first["sel"]].compactMap { $0 as? String }
      .joined(separator: " › ")
    XCTAssertTrue(html.contains(place), place)

    // One page per OPD of the registry (named after its code), plus the unknown one.
    let pages = try feedbackPages(out)
    let sending = offices.filter { !($0["berkas"] as? [String] ?? []).isEmpty }.compactMap {
      $0["kode"] as? String
    }
    XCTAssertFalse(sending.isEmpty)
    for code in sending {
      XCTAssertEqual(pages.filter { $0.lastPathComponent.hasPrefix(code + "-") }.count, 1, code)
      XCTAssertTrue(html.contains("href=\"umpan-balik/\(code)-"), code)
    }
    let unknown = pages.filter { $0.lastPathComponent == "opd-tidak-dikenal.html" }
    XCTAssertEqual(pages.count, offices.count + unknown.count)
    XCTAssertGreaterThan(offices.count, sending.count)

    // Rendered by a real browser: nothing requested, nothing logged, the filter runs.
    let (status, checks) = try browse([report], expectScript: true, search: "dinkes.xlsx")
    XCTAssertEqual(status, 0, "\(checks)")
    XCTAssertTrue(checks.first?.script_ran ?? false)
    // The search box keeps the findings of that file only.
    XCTAssertEqual(
      checks.first?.shown, findings.filter { ($0["berkas"] as? String) == "dinkes.xlsx" }.count)
    XCTAssertGreaterThanOrEqual(checks.first?.rows ?? 0, findings.count + 58)
    let (pageStatus, pageChecks) = try browse(pages)
    XCTAssertEqual(
      pageStatus, 0, "\(pageChecks.filter { !$0.errors.isEmpty || !$0.requests.isEmpty })")
    XCTAssertTrue(pageChecks.allSatisfy { $0.scripts == 0 })

    // A feedback page lists exactly its OPD's findings above info, by file, sheet and row.
    let dinkes = try XCTUnwrap(pages.first { $0.lastPathComponent.hasSuffix("-dinkes.html") })
    let page = try String(contentsOf: dinkes, encoding: .utf8)
    let rows = findings.filter {
      ($0["berkas"] as? String) == "dinkes.xlsx" && ($0["tingkat"] as? String) != "info"
    }
    XCTAssertFalse(rows.isEmpty)
    var last = page.startIndex
    for f in rows {
      let id = ">\(f["id"] as? String ?? "?")<"
      let at = try XCTUnwrap(page.range(of: id, range: last..<page.endIndex), id)
      last = at.upperBound
    }

    // Same inputs, same bytes; English when asked.
    let again = try run(inputs, ["--jobs", "1"])
    XCTAssertEqual(
      try Data(contentsOf: report),
      try Data(contentsOf: again.appendingPathComponent("laporan.html")))
    let en = try run(inputs, ["--lang", "en"])
    let english = try String(contentsOf: en.appendingPathComponent("laporan.html"), encoding: .utf8)
    XCTAssertTrue(english.contains("<html lang=\"en\">"))
    XCTAssertTrue(english.contains("SPBE Architecture Report"))
  }

  /// Markup, handlers, a right-to-left override, control characters and
  /// NIK/NIP numbers in file names, sheet names, header labels, cell values and
  /// the Identitas OPD name.
  func testHostileInputsAreEscapedAndMasked() throws {
    let inputs = try Binary.temporaryFolder("hostile")
    try FileManager.default.copyItem(
      at: fixtures.appendingPathComponent("hostile.xlsx"),
      to: inputs.appendingPathComponent("\"><img src=x onerror=alert(1)>\u{202E}xslx.<script>.xlsx")
    )
    try FileManager.default.copyItem(
      at: fixtures.appendingPathComponent("hostile-layanan.csv"),
      to: inputs.appendingPathComponent("layanan <b onmouseover=alert(3)>\u{7}.csv"))
    // An unreadable file still reaches the OPD its name tells.
    try Data("bukan lembar kerja".utf8).write(
      to: inputs.appendingPathComponent("Dinkes - rusak.xlsx"))
    // A page of an earlier run that this run has no OPD for goes.
    let out = try Binary.temporaryFolder("hostile-out")
    let stale = out.appendingPathComponent("umpan-balik/9.99-lama.html")
    try FileManager.default.createDirectory(
      at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("lama".utf8).write(to: stale)
    _ = try run(inputs, into: out)
    XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))

    let pages = try [out.appendingPathComponent("laporan.html")] + feedbackPages(out)
    // Every OPD of the registry has a page; only Dinkes and the unknown one hold input.
    let names = pages.map(\.lastPathComponent)
    let offices = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))["opd"]
    XCTAssertEqual(names.count, ((offices as? [Any])?.count ?? 0) + 2)
    for name in ["1.02.0.00.0.00.01.0000-dinkes.html", "laporan.html", "opd-tidak-dikenal.html"] {
      XCTAssertTrue(names.contains(name), name)
    }
    var all = ""
    for p in pages {
      let text = try String(contentsOf: p, encoding: .utf8)
      all += text
      for raw in [
        "<script>alert", "<img", "<iframe", "<b>", "<b ", "<svg onload", "3604010101010001",
        "3604.0101.0101.0001", "19800101 200501 1 001",
      ] {
        XCTAssertFalse(text.contains(raw), "\(p.lastPathComponent): \(raw)")
      }
      let bad = text.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
          || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
      }
      XCTAssertTrue(bad.isEmpty, "\(p.lastPathComponent): \(bad.map { $0.value })")
    }
    let dinkes = try String(
      contentsOf: try XCTUnwrap(
        pages.first { $0.lastPathComponent == "1.02.0.00.0.00.01.0000-dinkes.html" }),
      encoding: .utf8)
    XCTAssertTrue(dinkes.contains("berkas-tidak-terbaca"))
    XCTAssertTrue(dinkes.contains("Dinkes - rusak.xlsx"))
    // Shown, not dropped: the hostile text is there as text.
    for shown in [
      "&lt;script&gt;alert(&quot;opd&quot;)&lt;/script&gt; Dinas [U+202E]Palsu",
      "Aplikasi&quot;&gt;&lt;b onmouseover=x&gt;", "&lt;script&gt;[U+202E]x",
      "&lt;script&gt;alert(&quot;kolom&quot;)&lt;/script&gt;",
      "&lt;script&gt;alert(2)&lt;/script&gt;",
      "Aktif\u{2407}\u{241B}[31m", "layanan &lt;b onmouseover=alert(3)&gt;\u{2407}.csv",
      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;[U+202E]xslx.&lt;script&gt;.xlsx",
      "Aplikasi milik 3604\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}01",
      "Mobile 1980" + String(repeating: "\u{2022}", count: 12) + "01",
      "NIP. 1980" + String(repeating: "\u{2022}", count: 12) + "01",
    ] {
      XCTAssertTrue(all.contains(shown), shown)
    }
    // The JSON keeps personal numbers as written.
    let json = try String(
      contentsOf: out.appendingPathComponent("arsitektur-spbe.json"), encoding: .utf8)
    XCTAssertTrue(json.contains("Aplikasi milik 3604010101010001"))
    XCTAssertTrue(json.contains("NIP. 19800101 200501 1 001"))

    let (status, checks) = try browse([pages[0]], expectScript: true)
    XCTAssertEqual(status, 0, "\(checks)")
    let (pageStatus, pageChecks) = try browse(Array(pages.dropFirst()))
    XCTAssertEqual(pageStatus, 0, "\(pageChecks)")
    let allowed: Set<String> = [
      "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section",
      "footer", "div", "p", "h1", "h2", "h3", "a", "span", "i", "ul", "ol", "li", "table",
      "colgroup", "col", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "svg",
      "rect", "text", "form", "label", "input", "select", "option", "details", "summary", "script",
    ]
    for c in checks + pageChecks {
      XCTAssertEqual(Set(c.tags).subtracting(allowed), [], c.page)
      XCTAssertEqual(c.handlers, [], c.page)
    }
    XCTAssertEqual(checks[0].scripts, 1)
    XCTAssertTrue(pageChecks.allSatisfy { $0.scripts == 0 })
  }

  /// Times shown to people are WIB with the offset; the JSON stays UTC.
  /// 1767225600 is 2026-01-01 00:00 UTC, 07.00 in Jakarta.
  func testShownTimesAreWIB() throws {
    let inputs = Binary.packageRoot.appendingPathComponent("inputs")
    for (lang, shown) in [
      ("id", "Dibuat 1 Januari 2026 07.00 WIB (UTC+07.00)"),
      ("en", "Generated 1 January 2026 07:00 WIB (UTC+07:00)"),
    ] {
      let out = try run(inputs, ["--lang", lang])
      let html = try String(
        contentsOf: out.appendingPathComponent("laporan.html"), encoding: .utf8)
      XCTAssertTrue(html.contains(shown), lang)
      XCTAssertFalse(html.contains(" UTC ·"), lang)
      let page = try XCTUnwrap(try feedbackPages(out).first)
      XCTAssertTrue(
        try String(contentsOf: page, encoding: .utf8).contains(
          shown.replacingOccurrences(
            of: lang == "id" ? "Dibuat" : "Generated",
            with: lang == "id" ? "Diperiksa" : "Checked")), lang)
      let doc = try Binary.loadJSON(out.appendingPathComponent("arsitektur-spbe.json"))
      XCTAssertEqual(doc["dibuat_pada"] as? String, "2026-01-01T00:00:00Z")
    }
  }
}
