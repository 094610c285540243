import Foundation
import Pipeline
import Standard

/// `laporan.html` (SPEC §7): totals, completeness per OPD × domain for every
/// OPD of the registry, the fixes that clear most findings first, charts as
/// inline SVG, and every finding traceable to file › sheet › cell.
struct ReportPage: Emitter {
  let context: EmitContext
  let facts: ReportFacts
  /// OPD code → its feedback page, relative to the report (none when
  /// `umpan-balik` is not written).
  let feedbackLinks: [String: String]

  /// Beyond this many, the findings list stops; `temuan.csv` and the feedback
  /// pages hold every one. Keeps the page light on very large runs.
  static let listedFindingsLimit = 5000
  static let topFixes = 15

  var a: Architecture { facts.architecture }
  func tr(_ id: String, _ en: String) -> String { facts.language == .en ? en : id }

  func render() -> String {
    let title = tr("Laporan Arsitektur SPBE", "SPBE Architecture Report")
    return PageFrame.document(
      title: "\(title) — \(configuration.institutionName)", language: facts.language,
      withScript: true
    ) { h in
      header(&h, title: title)
      h.open("main", ["class": "wrap"])
      summary(&h)
      heatMap(&h)
      fixes(&h)
      byType(&h)
      sources(&h)
      findingsList(&h)
      footer(&h)
      h.close("main")
    }
  }

  // MARK: sections

  func header(_ h: inout HTML, title: String) {
    h.element("header", ["class": "top"]) { h in
      h.element("div", ["class": "wrap"]) { h in
        h.element("p", ["class": "eyebrow"], "SPBE · \(configuration.institutionName)")
        h.element("h1", title)
        h.element(
          "p",
          tr("Kode wilayah", "Region code") + " \(configuration.regionCode) · "
            + tr("Periode", "Period") + " \(configuration.period) · "
            + tr("Dibuat", "Generated") + " " + Format.timestamp(createdAt, facts.language)
            + " · pipeline "
            + ToolVersion.current)
      }
    }
    h.element("nav", ["class": "toc", "aria-label": tr("Isi", "Contents")]) { h in
      h.element("div", ["class": "wrap"]) { h in
        for (anchor, label) in [
          ("ringkasan", tr("Ringkasan", "Summary")),
          ("kelengkapan", tr("Kelengkapan per OPD", "Completeness per OPD")),
          ("perbaikan", tr("Perbaikan utama", "Top fixes")),
          ("jenis", tr("Temuan per jenis", "Findings by type")),
          ("berkas", tr("Berkas", "Files")),
          ("temuan", tr("Daftar temuan", "All findings")),
        ] {
          h.element("a", ["href": "#" + anchor], label)
        }
      }
    }
  }

  func summary(_ h: inout HTML) {
    let tables = a.sources.flatMap(\.tables)
    let rows = tables.reduce(0) { $0 + $1.dataRows }
    let accepted = tables.reduce(0) { $0 + $1.accepted }
    let rejected = tables.reduce(0) { $0 + $1.rejected }
    let blank = tables.reduce(0) { $0 + $1.blank }
    let failed = a.sources.filter { !$0.readable }.count
    let level = a.findingCounts.byLevel
    let offices = facts.standard.opds.offices.count
    let sending = facts.sendingOffices.count
    let n = facts.language
    h.element("section", ["id": "ringkasan"]) { h in
      h.heading(tr("Ringkasan", "Summary"))
      h.element("div", ["class": "cards"]) { h in
        h.card(
          tr("Berkas masukan", "Input files"), Format.count(a.sources.count, n),
          failed > 0 ? tr("\(Format.count(failed, n)) gagal dibaca", "\(failed) unreadable") : nil)
        h.card(
          tr("OPD mengirim", "OPDs that sent"), Format.count(sending, n),
          tr("dari \(offices) OPD", "of \(offices) OPDs"))
        h.card(tr("Tabel diimpor", "Tables imported"), Format.count(tables.count, n), nil)
        h.card(
          tr("Baris data", "Data rows"), Format.count(rows, n),
          tr("\(Format.count(blank, n)) baris kosong", "\(blank) blank rows"))
        h.card(
          tr("Diterima", "Accepted"), Format.count(accepted, n),
          rows > 0 ? Format.percent(accepted, rows, n) : nil, kind: "ok")
        h.card(
          tr("Ditolak", "Rejected"), Format.count(rejected, n),
          rows > 0 ? Format.percent(rejected, rows, n) : nil, kind: rejected > 0 ? "err" : nil)
        h.card(
          tr("Kesalahan", "Errors"), Format.count(level[.kesalahan] ?? 0, n), nil,
          kind: "err")
        h.card(
          tr("Peringatan", "Warnings"), Format.count(level[.peringatan] ?? 0, n), nil,
          kind: "warn")
        h.card("Info", Format.count(level[.info] ?? 0, n), nil)
      }
      h.element("div", ["class": "charts"]) { h in
        h.element("figure") { h in
          h.element("figcaption", tr("Baris per domain", "Rows per domain"))
          let bars = facts.standard.domains.map { d -> Chart.Bar in
            let t = tables.filter { $0.domain == d.key }
            return Chart.Bar(
              label: facts.domainLabel(d.key),
              parts: [t.reduce(0) { $0 + $1.accepted }, t.reduce(0) { $0 + $1.rejected }])
          }
          Chart.bars(
            &h, bars, colors: ["#2e7d4f", "#c0392b"],
            legend: [tr("diterima", "accepted"), tr("ditolak", "rejected")],
            title: tr("Baris diterima dan ditolak per domain", "Accepted and rejected rows"),
            language: n)
        }
        h.element("figure") { h in
          h.element("figcaption", tr("OPD yang sudah mengirim", "OPDs that have sent"))
          let perDomain = facts.standard.domains.map { d -> Chart.Bar in
            let count = facts.standard.opds.offices.filter {
              facts.architecture.byOPD.count($0.code, d.key).accepted > 0
            }.count
            return Chart.Bar(label: facts.domainLabel(d.key), parts: [count, offices - count])
          }
          Chart.bars(
            &h, perDomain, colors: ["#1769aa", "#e3e8ee"],
            legend: [
              tr("OPD dengan data diterima", "OPDs with accepted rows"),
              tr("belum ada", "none yet"),
            ],
            title: tr("OPD dengan data diterima per domain", "OPDs with accepted rows per domain"),
            language: n, valueText: { "\($0.parts[0]) / \(offices)" })
        }
      }
    }
  }

  func heatMap(_ h: inout HTML) {
    let domains = facts.standard.domains
    h.element("section", ["id": "kelengkapan"]) { h in
      h.heading(
        tr("Kelengkapan per OPD dan domain", "Completeness per OPD and domain"),
        lead:
          tr(
            "Setiap OPD dalam daftar (\(facts.standard.opds.offices.count)), juga yang belum mengirim. Angka: baris diterima; di bawahnya baris yang ditolak. Warna: bagian baris yang diterima.",
            "Every OPD of the registry (\(facts.standard.opds.offices.count)), including those that sent nothing. Number: accepted rows; below it, rejected rows. Colour: share of rows accepted."
          ))
      h.element("div", ["class": "legend"]) { h in
        for (cls, label) in [
          ("h0", tr("tidak ada baris", "no rows")), ("h1", tr("semua ditolak", "all rejected")),
          ("h2", tr("< 50% diterima", "< 50% accepted")),
          ("h3", tr("50–99% diterima", "50–99% accepted")),
          ("h4", tr("semua diterima", "all accepted")),
        ] {
          h.element("span") { h in
            h.element("i", ["class": cls], "")
            h.text(label)
          }
        }
      }
      let columns: [HTML.Column] =
        [.text("OPD")] + domains.map { .number(facts.domainLabel($0.key)) }
        + [.number(tr("Jumlah", "Total"))]
        + (feedbackLinks.isEmpty ? [] : [.text(tr("Umpan balik", "Feedback"))])
      h.table(class: "heat", columns) { h in
        for o in facts.standard.opds.offices {
          let tally = facts.architecture.byOPD
          let total = tally.total(o.code).accepted
          h.element("tr", ["class": facts.files[o.code] == nil ? "none" : ""]) { h in
            h.element("td") { h in
              h.text(o.name)
              h.element("div", ["class": "small muted"], o.code)
            }
            for d in domains {
              let count = tally.count(o.code, d.key)
              let (ok, bad) = (count.accepted, count.rejected)
              h.element(
                "td",
                [
                  "class": "h " + Self.heatClass(ok, bad),
                  "title": "\(o.name) — \(facts.domainLabel(d.key))",
                ]
              ) { h in
                h.text(ok + bad == 0 ? "–" : Format.count(ok, facts.language))
                if bad > 0 {
                  h.element("span", tr("\(bad) ditolak", "\(bad) rejected"))
                }
              }
            }
            h.element("td", ["class": "n"], Format.count(total, facts.language))
            if !feedbackLinks.isEmpty {
              h.element("td") { h in
                if let link = feedbackLinks[o.code] {
                  h.element("a", ["href": link], tr("buka", "open"))
                } else {
                  h.element(
                    "span", ["class": "muted small"], tr("belum mengirim", "nothing sent"))
                }
              }
            }
          }
        }
      }
      if let unknown = feedbackLinks[""] {
        h.element("p") { h in
          h.text(
            tr(
              "Berkas atau baris yang OPD-nya tidak dikenali: ",
              "Files or rows whose OPD is unknown: "))
          h.element("a", ["href": unknown], tr("lihat halamannya", "see their page"))
          h.text(".")
        }
      }
    }
  }

  static func heatClass(_ accepted: Int, _ rejected: Int) -> String {
    let all = accepted + rejected
    if all == 0 { return "h0" }
    if accepted == 0 { return "h1" }
    if rejected == 0 { return "h4" }
    return accepted * 2 < all ? "h2" : "h3"
  }

  func fixes(_ h: inout HTML) {
    let groups = facts.fixGroups(includeInfo: false)
    h.element("section", ["id": "perbaikan"]) { h in
      h.heading(
        tr("Perbaikan yang paling berdampak", "Fixes with the most effect"),
        lead:
          tr(
            "Temuan kesalahan dan peringatan dikelompokkan per jenis dan kolom. Urutan: berapa baris ditolak yang akan diterima bila kelompok itu saja diperbaiki, lalu jumlah temuan.",
            "Error and warning findings grouped by type and column, ordered by how many rejected rows that fix alone would let through, then by number of findings."
          ))
      guard !groups.isEmpty else {
        h.element(
          "p", ["class": "note good"],
          tr("Tidak ada kesalahan atau peringatan.", "No errors or warnings."))
        return
      }
      h.table([
        .number("#"), .text(tr("Jenis", "Type")), .text(tr("Kolom", "Column")),
        .number(tr("Temuan", "Findings")),
        .number(tr("Baris diterima bila diperbaiki", "Rows cleared")), .number("OPD"),
        .text(tr("Contoh dan saran", "Example and fix")),
      ]) { h in
        for (rank, g) in groups.prefix(Self.topFixes).enumerated() {
          let first = g.findings[0]
          let (message, fix) = facts.rendered(first)
          h.element("tr") { h in
            h.element("td", ["class": "n"], "\(rank + 1)")
            h.element("td") { h in
              level(&h, g.severity)
              h.raw(" ")
              h.text(g.type.rawValue)
            }
            h.element("td", g.column.isEmpty ? "—" : g.column)
            h.element("td", ["class": "n"], Format.count(g.findings.count, facts.language))
            h.element("td", ["class": "n"], Format.count(g.rowsCleared, facts.language))
            h.element("td", ["class": "n"], "\(g.offices.count)")
            h.element("td") { h in
              h.element("div", message)
              if let fix { h.element("div", ["class": "muted"], fix) }
              h.element(
                "div", ["class": "place"], facts.place(a.findings[first].location))
            }
          }
        }
      }
      if groups.count > Self.topFixes {
        h.element(
          "p", ["class": "muted small"],
          tr(
            "\(groups.count - Self.topFixes) kelompok lain ada di daftar temuan di bawah.",
            "\(groups.count - Self.topFixes) more groups are in the list below."))
      }
    }
  }

  func level(_ h: inout HTML, _ s: Severity) {
    h.element("span", ["class": "lv lv-" + s.rawValue], s.rawValue)
  }

  func byType(_ h: inout HTML) {
    let perType = a.findingCounts.byType
    let types = perType.keys.sorted {
      let x = perType[$0]!.values.reduce(0, +)
      let y = perType[$1]!.values.reduce(0, +)
      return x != y ? x > y : $0.rawValue < $1.rawValue
    }
    h.element("section", ["id": "jenis"]) { h in
      h.heading(tr("Temuan per jenis", "Findings by type"))
      guard !types.isEmpty else {
        h.element("p", ["class": "note good"], tr("Tidak ada temuan.", "No findings."))
        return
      }
      h.element("figure") { h in
        h.element(
          "figcaption", tr("Jumlah temuan per jenis dan tingkat", "Findings by type and level"))
        Chart.bars(
          &h,
          types.map { t in
            Chart.Bar(label: t.rawValue, parts: Severity.allCases.map { perType[t]?[$0] ?? 0 })
          },
          colors: ["#c0392b", "#b26a00", "#8a96a3"],
          legend: Severity.allCases.map(\.rawValue),
          title: tr("Temuan per jenis", "Findings by type"), language: facts.language)
      }
    }
  }

  func sources(_ h: inout HTML) {
    h.element("section", ["id": "berkas"]) { h in
      h.heading(tr("Berkas masukan", "Input files"))
      h.table([
        .text(tr("Berkas", "File")), .text(tr("Status", "Status")),
        .text(tr("Lembar › domain", "Sheet › domain")), .number(tr("Baris", "Rows")),
        .number(tr("Diterima", "Accepted")), .number(tr("Ditolak", "Rejected")),
        .number(tr("Kosong", "Blank")),
      ]) { h in
        for s in a.sources {
          let tables = s.tables.isEmpty ? [nil] : s.tables.map { Optional($0) }
          for (i, t) in tables.enumerated() {
            h.element("tr") { h in
              h.element("td", ["class": "place"], i == 0 ? s.path : "")
              h.element(
                "td",
                i > 0 ? "" : s.readable ? tr("terbaca", "read") : tr("gagal", "failed"))
              if let t {
                h.element(
                  "td",
                  (t.sheet.map { $0 + " › " } ?? "") + facts.domainLabel(t.domain))
                for v in [t.dataRows, t.accepted, t.rejected, t.blank] {
                  h.element("td", ["class": "n"], Format.count(v, facts.language))
                }
              } else {
                h.element("td", ["class": "muted"], tr("tidak ada tabel", "no table"))
                for _ in 0..<4 { h.element("td", ["class": "n"], "") }
              }
            }
          }
        }
      }
    }
  }

  func findingsList(_ h: inout HTML) {
    let listed = a.findings.prefix(Self.listedFindingsLimit)
    h.element("section", ["id": "temuan"]) { h in
      h.heading(
        tr("Daftar temuan", "All findings"),
        lead:
          tr(
            "Urut per berkas, lembar, dan baris. Lokasi ditulis berkas › lembar › sel. Semua temuan juga ada di temuan.csv.",
            "Ordered by file, sheet and row. Locations read file › sheet › cell. Every finding is also in temuan.csv."
          ))
      if a.findings.count > listed.count {
        h.element(
          "p", ["class": "note"],
          tr(
            "Ditampilkan \(Format.count(listed.count, facts.language)) temuan pertama dari \(Format.count(a.findings.count, facts.language)); selengkapnya di temuan.csv dan halaman umpan balik per OPD.",
            "Showing the first \(listed.count) of \(a.findings.count) findings; all are in temuan.csv and the feedback pages."
          ))
      }
      h.element("form", ["id": "saring", "hidden": "", "role": "search"]) { h in
        h.element("label") { h in
          h.text(tr("Cari ", "Search "))
          h.open(
            "input",
            [
              "name": "q", "type": "search",
              "placeholder": tr("berkas, kolom, nilai, pesan…", "file, column, value, message…"),
            ])
        }
        h.element("label") { h in
          h.text(tr("Tingkat ", "Level "))
          h.element("select", ["name": "tingkat"]) { h in
            h.element("option", ["value": ""], tr("semua", "all"))
            for s in Severity.allCases { h.element("option", ["value": s.rawValue], s.rawValue) }
          }
        }
        h.element("label") { h in
          h.text(tr("Jenis ", "Type "))
          h.element("select", ["name": "jenis"]) { h in
            h.element("option", ["value": ""], tr("semua", "all"))
            for t in FindingType.allCases where a.findingCounts.byType[t] != nil {
              h.element("option", ["value": t.rawValue], t.rawValue)
            }
          }
        }
        h.element("span", ["class": "muted"]) { h in
          h.element("span", ["id": "jumlah-tampil"], "\(listed.count)")
          h.text(tr(" ditampilkan", " shown"))
        }
      }
      FindingsTable.render(&h, facts: facts, indices: Array(listed.indices), id: "daftar-temuan")
    }
  }

  func footer(_ h: inout HTML) {
    h.element("footer") { h in
      h.text(
        tr(
          "Dibuat oleh pipeline \(ToolVersion.current) dari berkas di folder masukan. Nomor yang berbentuk NIK (16 digit) atau NIP (18 digit) disamarkan di halaman ini; data lengkap ada di arsitektur-spbe.json.",
          "Generated by pipeline \(ToolVersion.current) from the files in the inputs folder. Numbers shaped like a NIK (16 digits) or NIP (18 digits) are masked on this page; the full data is in arsitektur-spbe.json."
        ))
    }
  }
}
