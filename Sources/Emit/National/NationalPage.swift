import Foundation
import Pipeline
import Standard

/// `nasional.html`: one self-contained page comparing the instansi merged, in
/// the frame of `laporan.html` (CSP, no request, every value escaped and
/// personal numbers masked): what stands out first, instansi × domain
/// completeness, records per instansi, the codelist editions used, and what
/// was replaced or not read.
public struct NationalPage {
  public static let fileName = "nasional.html"

  let rollup: NationalRollup
  let createdAt: Date
  let language: Language

  public init(_ rollup: NationalRollup, createdAt: Date, language: Language) {
    self.rollup = rollup
    self.createdAt = createdAt
    self.language = language
  }

  private func t(_ l: RollupText.Label) -> String { RollupText.label(l, language) }
  private func count(_ n: Int) -> String { Format.count(n, language) }
  private func domainLabel(_ d: Domain) -> String { language == .en ? d.labelEnglish : d.label }

  public func render() -> String {
    let docs = rollup.documents
    return PageFrame.document(title: t(.title), language: language, withScript: false) { h in
      h.element("header", ["class": "top"]) { h in
        h.element("div", ["class": "wrap"]) { h in
          h.element("p", ["class": "eyebrow"], "SPBE · KemenPAN RB")
          h.element("h1", t(.title))
          h.element(
            "p",
            t(.createdAt) + " " + Format.timestamp(createdAt, language) + " · pipeline "
              + ToolVersion.current)
        }
      }
      h.open("main", ["class": "wrap"])
      cards(&h, docs)
      completeness(&h, docs)
      perInstansi(&h, docs)
      editions(&h, docs)
      replaced(&h)
      unreadable(&h)
      h.close("main")
    }
  }

  private func cards(_ h: inout HTML, _ docs: [InstansiDocument]) {
    let otherEditions = Set(rollup.otherEditions.map(\.regionCode)).count
    h.element("section", ["id": "ringkasan"]) { h in
      h.element("div", ["class": "cards"]) { h in
        h.card(t(.instansiCount), count(docs.count))
        h.card(t(.accepted), count(rollup.totalRecords), kind: "ok")
        h.card(t(.rejected), count(docs.reduce(0) { $0 + $1.summaryCount("ditolak") }))
        h.card(
          t(.errors), count(docs.reduce(0) { $0 + $1.findings(.kesalahan) }), kind: "err")
        h.card(t(.silentOffices), count(docs.reduce(0) { $0 + $1.silentOffices }))
        h.card(t(.otherEditionCount), count(otherEditions))
        h.card(t(.replacedCount), count(rollup.replaced.count))
      }
    }
  }

  /// Green as more of the instansi's OPDs filled the domain in; red when the
  /// domain has no record at all.
  static func heatClass(records: Int, offices: Int, of all: Int) -> String {
    if records == 0 { return "h1" }
    guard all > 0 else { return "h3" }
    if offices >= all { return "h4" }
    return offices * 2 < all ? "h2" : "h3"
  }

  private func completeness(_ h: inout HTML, _ docs: [InstansiDocument]) {
    h.element("section", ["id": "kelengkapan"]) { h in
      h.heading(t(.completeness), lead: t(.completenessLead))
      let columns: [HTML.Column] =
        [.text(t(.instansi))] + rollup.domains.map { .number(domainLabel($0)) }
        + [.number(t(.total))]
      h.table(class: "heat", columns) { h in
        for doc in docs {
          h.element("tr") { h in
            h.element("td") { h in
              h.text(doc.name)
              h.element("div", ["class": "small muted"], "\(doc.regionCode) · \(doc.period)")
            }
            for d in rollup.domains {
              let n = doc.count(d.key)
              let filled = doc.officesWithRecords[d.key] ?? 0
              h.element(
                "td",
                [
                  "class": "h "
                    + Self.heatClass(records: n, offices: filled, of: doc.offices),
                  "title": "\(doc.name) — \(domainLabel(d))",
                ]
              ) { h in
                h.text(n == 0 ? "–" : count(n))
                if doc.offices > 0 {
                  h.element("span", "\(filled)/\(doc.offices) \(t(.offices))")
                }
              }
            }
            h.element(
              "td", ["class": "n"], count(rollup.domains.reduce(0) { $0 + doc.count($1.key) }))
          }
        }
      }
    }
  }

  private func perInstansi(_ h: inout HTML, _ docs: [InstansiDocument]) {
    h.element("section", ["id": "rekaman"]) { h in
      h.heading(t(.recordsPerInstansi), lead: t(.recordsLead))
      let bars = docs.map { doc in
        Chart.Bar(
          label: "\(doc.regionCode) \(doc.name)", parts: rollup.domains.map { doc.count($0.key) })
      }
      h.element("div", ["class": "charts"]) { h in
        Chart.bars(
          &h, bars,
          colors: ["#1769aa", "#2e7d4f", "#b26a00", "#6a3d9a", "#00838f", "#c0392b"],
          legend: rollup.domains.map(domainLabel), title: t(.recordsPerInstansi),
          language: language)
      }
    }
  }

  private func editions(_ h: inout HTML, _ docs: [InstansiDocument]) {
    // Per codelist and edition, the instansi that used it.
    var used: [String: [String: [String]]] = [:]
    for doc in docs {
      for c in doc.codelists {
        used[c.name, default: [:]][c.edition, default: []].append(doc.regionCode)
      }
    }
    h.element("section", ["id": "edisi"]) { h in
      h.heading(t(.editions), lead: t(.editionsLead))
      h.table([.text(t(.codelist)), .text(t(.ourEdition)), .text(t(.edition)), .text(t(.usedBy))]) {
        h in
        for name in used.keys.sorted() {
          let ours = rollup.editions[name] ?? "–"
          for (edition, regions) in used[name]!.sorted(by: { $0.key < $1.key }) {
            h.element("tr", ["class": edition == ours ? "" : "other-edition"]) { h in
              h.element("td", name)
              h.element("td", ours)
              h.element("td") { h in
                if edition == ours {
                  h.text(edition)
                } else {
                  h.element("strong", edition)
                }
              }
              h.element("td", "\(count(regions.count)): " + regions.joined(separator: ", "))
            }
          }
        }
      }
    }
  }

  private func replaced(_ h: inout HTML) {
    let list = rollup.replacedInOrder
    guard !list.isEmpty else { return }
    h.element("section", ["id": "diganti"]) { h in
      h.heading(t(.replaced), lead: t(.replacedLead))
      h.table([
        .text(t(.regionCode)), .text(t(.file)), .text(t(.createdAt)), .text(t(.keptFile)),
      ]) { h in
        for r in list {
          h.element("tr") { h in
            h.element("td", r.regionCode)
            h.element("td", (r.path as NSString).lastPathComponent)
            h.element("td", r.createdAt)
            h.element(
              "td", "\((r.keptPath as NSString).lastPathComponent) (\(r.keptCreatedAt))")
          }
        }
      }
    }
  }

  private func unreadable(_ h: inout HTML) {
    guard !rollup.unreadable.isEmpty else { return }
    h.element("section", ["id": "tidak-terbaca"]) { h in
      h.heading(t(.unreadable), lead: t(.unreadableLead))
      h.element("ul") { h in
        for e in rollup.unreadable { h.element("li", RollupText.error(e, lang: language)) }
      }
    }
  }
}
