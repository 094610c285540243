import Crypto
import Foundation
import Pipeline

/// The frame every page shares: one self-contained document (styles and the
/// one small script inline, system fonts, nothing fetched) whose Content
/// Security Policy forbids any request and allows only that script, so a value
/// that slipped past escaping still could neither run nor load anything.
enum PageFrame {
  static func document(
    title: String, language: Language, withScript: Bool, extraCSS: StaticString? = nil,
    body: (inout HTML) -> Void
  ) -> String {
    var h = HTML()
    h.raw("<!DOCTYPE html>\n")
    h.open("html", ["lang": language.rawValue])
    h.open("head")
    h.raw("<meta charset=\"utf-8\">")
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    h.open(
      "meta",
      [
        "http-equiv": "Content-Security-Policy",
        "content":
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src "
          + (withScript ? "'\(scriptHash)'" : "'none'"),
      ])
    h.open("meta", ["name": "generator", "content": "pipeline \(ToolVersion.current)"])
    h.element("title", title)
    h.raw("<style>")
    h.raw(css)
    if let extraCSS { h.raw(extraCSS) }
    h.raw("</style></head>\n<body>")
    body(&h)
    if withScript {
      h.raw("<script>")
      h.raw(filterScript)
      h.raw("</script>")
    }
    h.raw("</body></html>\n")
    return h.output
  }

  static let scriptHash: String = {
    let digest = SHA256.hash(data: Data(filterScript.description.utf8))
    return "sha256-" + Data(digest).base64EncodedString()
  }()

  /// Filters the findings table of the report (`#saring` over
  /// `#daftar-temuan`); without script the form stays hidden and every row shows.
  static let filterScript: StaticString = """
    (function () {
      var form = document.getElementById("saring");
      var table = document.getElementById("daftar-temuan");
      if (!form || !table) return;
      var q = form.elements["q"], level = form.elements["tingkat"], type = form.elements["jenis"];
      var shown = document.getElementById("jumlah-tampil");
      var rows = table.tBodies[0].rows;
      function apply() {
        var t = q.value.trim().toLowerCase(), l = level.value, j = type.value, n = 0;
        for (var i = 0; i < rows.length; i++) {
          var r = rows[i];
          var ok = (!l || r.getAttribute("data-tingkat") === l) &&
            (!j || r.getAttribute("data-jenis") === j) &&
            (!t || r.textContent.toLowerCase().indexOf(t) >= 0);
          r.hidden = !ok;
          if (ok) n++;
        }
        shown.textContent = String(n);
      }
      form.addEventListener("input", apply);
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      form.hidden = false;
      apply();
    })();
    """

  static let css: StaticString = """
    :root { --ink: #1d2733; --muted: #5b6775; --line: #dde3ea; --soft: #f5f7fa;
      --brand: #0d3b66; --accent: #1769aa; --ok: #2e7d4f; --warn: #b26a00; --err: #c0392b;
      --info: #5b6775; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans",
        "DejaVu Sans", Arial, sans-serif; }
    header.top { background: var(--brand); color: #fff; padding: 28px 0 22px; }
    header.top .wrap > p { margin: .2rem 0; color: #d6e2f0; }
    header.top h1 { margin: 0 0 .35rem; font-size: 1.75rem; line-height: 1.25; font-weight: 650; }
    .eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: #9fc1e3;
      margin: 0 0 .3rem; }
    .wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
    nav.toc { background: var(--soft); border-bottom: 1px solid var(--line); }
    nav.toc .wrap { display: flex; flex-wrap: wrap; gap: 4px 18px; padding-top: 10px;
      padding-bottom: 10px; font-size: .9rem; }
    nav.toc a { color: var(--accent); text-decoration: none; }
    nav.toc a:hover { text-decoration: underline; }
    main { padding-bottom: 56px; }
    section { margin-top: 34px; }
    h2 { font-size: 1.3rem; margin: 0 0 .4rem; padding-bottom: .35rem;
      border-bottom: 2px solid var(--line); font-weight: 650; }
    h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
    p.lead { color: var(--muted); margin: .2rem 0 1rem; max-width: 60rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(118px, 1fr)); gap: 10px;
      margin: 14px 0 18px; }
    .card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px;
      background: #fff; }
    .card .k { font-size: .8rem; color: var(--muted); }
    .card .v { font-size: 1.65rem; font-weight: 650; line-height: 1.2;
      font-variant-numeric: tabular-nums; }
    .card .s { font-size: .8rem; color: var(--muted); }
    .card.ok .v { color: var(--ok); } .card.err .v { color: var(--err); }
    .card.warn .v { color: var(--warn); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px; }
    figure { margin: 0; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
    figcaption { font-weight: 600; margin-bottom: 8px; font-size: .95rem; }
    svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
    svg text { font-size: 12px; fill: var(--ink); }
    svg text.muted { fill: var(--muted); }
    .scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; }
    table { border-collapse: collapse; width: 100%; font-size: .87rem; }
    th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line);
      vertical-align: top; }
    tbody tr:last-child td { border-bottom: 0; }
    th { background: var(--soft); font-weight: 600; white-space: nowrap; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: var(--muted); }
    .small { font-size: .88em; }
    .place { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace;
      font-size: .92em; overflow-wrap: anywhere; }
    .val { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace;
      font-size: .92em; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft);
      padding: 0 4px; border-radius: 4px; }
    .lv { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: .82em;
      font-weight: 650; color: #fff; white-space: nowrap; }
    .lv-kesalahan { background: var(--err); } .lv-peringatan { background: var(--warn); }
    .lv-info { background: var(--info); }
    table.findings { table-layout: fixed; min-width: 760px; }
    col.c-id { width: 72px; } col.c-lv { width: 118px; } col.c-place { width: 24%; }
    col.c-col { width: 13%; } col.c-val { width: 14%; }
    table.heat td:first-child { min-width: 240px; }
    table.heat td:last-child { white-space: nowrap; }
    table.heat td.h { text-align: center; min-width: 84px; font-variant-numeric: tabular-nums; }
    table.heat td.h span { display: block; font-size: .82em; color: var(--err); }
    .h0 { background: #f3f5f7; color: #a0a9b3; }
    .h1 { background: #f8d7d3; } .h2 { background: #fbe7c2; } .h3 { background: #d5efdf; }
    .h4 { background: #a9dcbc; }
    tr.none td:first-child { color: var(--muted); }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: .8rem; color: var(--muted);
      margin: 8px 0 12px; }
    .legend i { display: inline-block; width: 14px; height: 14px; border-radius: 3px;
      vertical-align: -2px; margin-right: 5px; border: 1px solid var(--line); }
    form#saring { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 10px 0;
      padding: 10px 12px; background: var(--soft); border-radius: 10px; }
    form#saring[hidden] { display: none; }
    form#saring input, form#saring select { font: inherit; padding: 5px 8px;
      border: 1px solid #b9c3ce; border-radius: 6px; background: #fff; }
    form#saring input { min-width: 260px; flex: 1; }
    tr[hidden] { display: none; }
    details { margin: 12px 0; } summary { cursor: pointer; font-weight: 600; }
    ol.steps { padding-left: 1.3rem; } ol.steps li { margin: .25rem 0; }
    .note { border-left: 4px solid var(--accent); background: #eef5fc; padding: 10px 14px;
      border-radius: 0 8px 8px 0; margin: 12px 0; }
    .good { border-left-color: var(--ok); background: #edf7f1; }
    footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line);
      margin-top: 40px; padding-top: 12px; }
    a { color: var(--accent); }
    @media (max-width: 700px) {
      .wrap { padding: 0 14px; } header.top h1 { font-size: 1.35rem; }
      .charts { grid-template-columns: 1fr; } form#saring input { min-width: 0; }
    }
    @page { margin: 14mm 12mm; }
    @media print {
      body { font-size: 10pt; } table { font-size: 8pt; } th, td { padding: 3px 5px; }
      th { white-space: normal; } table.findings { min-width: 0; }
      table.heat td:first-child, table.heat td.h { min-width: 0; }
      table.heat th:last-child, table.heat td:last-child { display: none; }
      .charts { grid-template-columns: 1fr 1fr; } figure { padding: 8px; } header.top { background: none; color: #000; padding: 0 0 8px;
        border-bottom: 2px solid #000; }
      header.top .wrap > p, .eyebrow { color: #333; } nav.toc, form#saring { display: none; }
      .wrap { max-width: none; padding: 0; } section { break-inside: auto; }
      h2, h3 { break-after: avoid; } tr, figure, .card { break-inside: avoid; }
      .scroll { overflow: visible; border: 0; } a { color: inherit; text-decoration: none; }
      .h0, .h1, .h2, .h3, .h4, .lv, th, .val { -webkit-print-color-adjust: exact;
        print-color-adjust: exact; }
      tr[hidden] { display: table-row; }
    }
    """
}

/// The pieces every page is made of, so that both kinds of page look and read alike.
extension HTML {
  enum Column {
    case text(String)
    case number(String)
  }

  /// A bordered table that scrolls sideways on narrow screens, with one header row.
  mutating func table(
    class cls: String? = nil, id: String? = nil, _ columns: [Column],
    colgroup: StaticString? = nil, body: (inout HTML) -> Void
  ) {
    open("div", ["class": "scroll"])
    switch (cls, id) {
    case (nil, nil): open("table")
    case (let c?, nil): open("table", ["class": c])
    case (nil, let i?): open("table", ["id": i])
    case (let c?, let i?): open("table", ["class": c, "id": i])
    }
    if let colgroup { raw(colgroup) }
    open("thead")
    open("tr")
    for c in columns {
      switch c {
      case .text(let label): element("th", label)
      case .number(let label): element("th", ["class": "n"], label)
      }
    }
    close("tr")
    close("thead")
    element("tbody", body: body)
    close("table")
    close("div")
  }

  /// A section's title and, under it, the sentence that says how to read it.
  mutating func heading(_ title: String, lead: String? = nil) {
    element("h2", title)
    if let lead { element("p", ["class": "lead"], lead) }
  }

  /// A figure: what it counts, the number, and a line under it.
  mutating func card(_ key: String, _ value: String, _ sub: String? = nil, kind: String? = nil) {
    element("div", ["class": kind.map { "card " + $0 } ?? "card"]) { h in
      h.element("div", ["class": "k"], key)
      h.element("div", ["class": "v"], value)
      if let sub { h.element("div", ["class": "s"], sub) }
    }
  }
}
