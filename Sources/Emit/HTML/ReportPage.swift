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
  /// `profil.html`, relative to the report, when that output is written.
  var profileLink: String? = nil

  /// Beyond this many, the findings list stops; `temuan.csv` and the feedback
  /// pages hold every one. Keeps the page light on very large runs.
  static let listedFindingsLimit = 5000
  static let topFixes = 15

  var a: Architecture { facts.architecture }
  func t(_ text: PageText, _ values: [String: String] = [:]) -> String {
    text(facts.language, values)
  }

  func render() -> String {
    let title = t(.reportTitle)
    return PageFrame.document(
      title: "\(title) — \(configuration.institutionName)", language: facts.language,
      withScript: true
    ) { h in
      header(&h, title: title)
      h.open("main", ["class": "wrap"])
      changesSection(&h)
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
          t(.regionCode) + " \(configuration.regionCode) · "
            + t(.period) + " \(configuration.period) · "
            + t(.generated) + " " + Format.timestamp(createdAt, facts.language)
            + " · pipeline "
            + ToolVersion.current)
      }
    }
    h.element("nav", ["class": "toc", "aria-label": t(.contents)]) { h in
      h.element("div", ["class": "wrap"]) { h in
        for (anchor, label) in [
          ("ringkasan", t(.summary)),
          ("kelengkapan", t(.tocCompleteness)),
          ("perbaikan", t(.tocTopFixes)),
          ("jenis", t(.findingsByType)),
          ("berkas", t(.files)),
          ("temuan", t(.allFindings)),
        ] {
          h.element("a", ["href": "#" + anchor], label)
        }
        if let profileLink {
          h.element("a", ["href": profileLink], ProfileText.toProfile(facts.language) + " →")
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
      h.heading(t(.summary))
      h.element("div", ["class": "cards"]) { h in
        h.card(
          t(.inputFiles), Format.count(a.sources.count, n),
          failed > 0 ? t(.unreadableCount, ["n": Format.count(failed, n)]) : nil)
        h.card(
          t(.officesSending), Format.count(sending, n),
          t(.ofOffices, ["n": "\(offices)"]))
        h.card(t(.tablesImported), Format.count(tables.count, n), nil)
        h.card(
          t(.dataRows), Format.count(rows, n),
          t(.blankRowsCount, ["n": Format.count(blank, n)]))
        h.card(
          t(.accepted), Format.count(accepted, n),
          rows > 0 ? Format.percent(accepted, rows, n) : nil, kind: "ok")
        h.card(
          t(.rejected), Format.count(rejected, n),
          rows > 0 ? Format.percent(rejected, rows, n) : nil, kind: rejected > 0 ? "err" : nil)
        h.card(
          t(.errors), Format.count(level[.kesalahan] ?? 0, n), nil,
          kind: "err")
        h.card(
          t(.warnings), Format.count(level[.peringatan] ?? 0, n), nil,
          kind: "warn")
        h.card("Info", Format.count(level[.info] ?? 0, n), nil)
      }
      h.element("div", ["class": "charts"]) { h in
        h.element("figure") { h in
          h.element("figcaption", t(.rowsPerDomain))
          let bars = facts.standard.domains.map { d -> Chart.Bar in
            let t = tables.filter { $0.domain == d.key }
            return Chart.Bar(
              label: facts.domainLabel(d.key),
              parts: [t.reduce(0) { $0 + $1.accepted }, t.reduce(0) { $0 + $1.rejected }])
          }
          Chart.bars(
            &h, bars, colors: ["#2e7d4f", "#c0392b"],
            legend: [t(.acceptedLegend), t(.rejectedLegend)],
            title: t(.rowsChartTitle),
            language: n)
        }
        h.element("figure") { h in
          h.element("figcaption", t(.officesSentCaption))
          let perDomain = facts.standard.domains.map { d -> Chart.Bar in
            let count = facts.standard.opds.offices.filter {
              facts.architecture.byOPD.count($0.code, d.key).accepted > 0
            }.count
            return Chart.Bar(label: facts.domainLabel(d.key), parts: [count, offices - count])
          }
          Chart.bars(
            &h, perDomain, colors: ["#1769aa", "#e3e8ee"],
            legend: [
              t(.officesWithAccepted),
              t(.noneYet),
            ],
            title: t(.officesChartTitle),
            language: n, valueText: { "\($0.parts[0]) / \(offices)" })
        }
      }
    }
  }

  func heatMap(_ h: inout HTML) {
    let domains = facts.standard.domains
    h.element("section", ["id": "kelengkapan"]) { h in
      h.heading(
        t(.completenessHeading),
        lead:
          t(.completenessNote, ["n": "\(facts.standard.opds.offices.count)"]))
      h.element("div", ["class": "legend"]) { h in
        for (cls, label) in [
          ("h0", t(.shadeNoRows)), ("h1", t(.shadeAllRejected)),
          ("h2", t(.shadeUnderHalf)),
          ("h3", t(.shadeMostly)),
          ("h4", t(.shadeAllAccepted)),
        ] {
          h.element("span") { h in
            h.element("i", ["class": cls], "")
            h.text(label)
          }
        }
      }
      let columns: [HTML.Column] =
        [.text("OPD")] + domains.map { .number(facts.domainLabel($0.key)) }
        + [.number(t(.total))]
        + (feedbackLinks.isEmpty ? [] : [.text(t(.feedback))])
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
                  h.element("span", t(.rejectedCount, ["n": "\(bad)"]))
                }
              }
            }
            h.element("td", ["class": "n"], Format.count(total, facts.language))
            if !feedbackLinks.isEmpty {
              h.element("td") { h in
                if let link = feedbackLinks[o.code] {
                  h.element("a", ["href": link], t(.openLink))
                } else {
                  h.element(
                    "span", ["class": "muted small"], t(.nothingSent))
                }
              }
            }
          }
        }
      }
      if let unknown = feedbackLinks[""] {
        h.element("p") { h in
          h.text(
            t(.unknownOPDLead))
          h.element("a", ["href": unknown], t(.seeTheirPage))
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
        t(.topFixesHeading),
        lead:
          t(.topFixesNote))
      guard !groups.isEmpty else {
        h.element(
          "p", ["class": "note good"],
          t(.noErrorsOrWarnings))
        return
      }
      h.table([
        .number("#"), .text(t(.type)), .text(t(.column)),
        .number(t(.findings)),
        .number(t(.rowsCleared)), .number("OPD"),
        .text(t(.exampleAndFix)),
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
          t(.moreGroups, ["n": "\(groups.count - Self.topFixes)"]))
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
      h.heading(t(.findingsByType))
      guard !types.isEmpty else {
        h.element("p", ["class": "note good"], t(.noFindings))
        return
      }
      h.element("figure") { h in
        h.element(
          "figcaption", t(.findingsByTypeAndLevel))
        Chart.bars(
          &h,
          types.map { t in
            Chart.Bar(label: t.rawValue, parts: Severity.allCases.map { perType[t]?[$0] ?? 0 })
          },
          colors: ["#c0392b", "#b26a00", "#8a96a3"],
          legend: Severity.allCases.map(\.rawValue),
          title: t(.findingsByType), language: facts.language)
      }
    }
  }

  func sources(_ h: inout HTML) {
    h.element("section", ["id": "berkas"]) { h in
      h.heading(t(.inputFiles))
      h.table([
        .text(t(.file)), .text(t(.status)),
        .text(t(.sheetAndDomain)), .number(t(.rows)),
        .number(t(.accepted)), .number(t(.rejected)),
        .number(t(.blank)),
      ]) { h in
        for s in a.sources {
          let tables = s.tables.isEmpty ? [nil] : s.tables.map { Optional($0) }
          for (i, table) in tables.enumerated() {
            h.element("tr") { h in
              h.element("td", ["class": "place"], i == 0 ? s.path : "")
              h.element(
                "td",
                i > 0 ? "" : s.readable ? t(.fileRead) : t(.fileFailed))
              if let table {
                h.element(
                  "td",
                  (table.sheet.map { $0 + " › " } ?? "") + facts.domainLabel(table.domain))
                for v in [table.dataRows, table.accepted, table.rejected, table.blank] {
                  h.element("td", ["class": "n"], Format.count(v, facts.language))
                }
              } else {
                h.element("td", ["class": "muted"], t(.noTable))
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
        t(.allFindings),
        lead:
          t(.findingsOrderNote))
      if a.findings.count > listed.count {
        h.element(
          "p", ["class": "note"],
          t(
            .findingsShownFirst,
            [
              "n": Format.count(listed.count, facts.language),
              "total": Format.count(a.findings.count, facts.language),
            ]))
      }
      h.element("form", ["id": "saring", "hidden": "", "role": "search"]) { h in
        h.element("label") { h in
          h.text(t(.searchLabel))
          h.open(
            "input",
            [
              "name": "q", "type": "search",
              "placeholder": t(.searchPlaceholder),
            ])
        }
        h.element("label") { h in
          h.text(t(.levelFilter))
          h.element("select", ["name": "tingkat"]) { h in
            h.element("option", ["value": ""], t(.allOption))
            for s in Severity.allCases { h.element("option", ["value": s.rawValue], s.rawValue) }
          }
        }
        h.element("label") { h in
          h.text(t(.typeFilter))
          h.element("select", ["name": "jenis"]) { h in
            h.element("option", ["value": ""], t(.allOption))
            for t in FindingType.allCases where a.findingCounts.byType[t] != nil {
              h.element("option", ["value": t.rawValue], t.rawValue)
            }
          }
        }
        h.element("span", ["class": "muted"]) { h in
          h.element("span", ["id": "jumlah-tampil"], "\(listed.count)")
          h.text(t(.shownCount))
        }
      }
      FindingsTable.render(&h, facts: facts, indices: Array(listed.indices), id: "daftar-temuan")
    }
  }

  func footer(_ h: inout HTML) {
    h.element("footer") { h in
      h.text(
        t(.reportFooter, ["versi": ToolVersion.current]))
    }
  }
}
