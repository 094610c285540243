import Foundation
import Pipeline
import Standard

/// What changed since the round compared with: a section at the top of
/// `laporan.html`, and the opening part of each OPD's feedback page.
extension RoundChanges {
  static func recordText(_ r: RecordRef) -> String {
    var s = r.id
    if let n = r.nama, !n.isEmpty { s += " " + n }
    if !r.fields.isEmpty {
      s +=
        " ("
        + r.fields.map { "\($0.name): \(Self.shown($0.old)) → \(Self.shown($0.new))" }
        .joined(separator: "; ") + ")"
    }
    return s
  }

  static func shown(_ v: JSON) -> String {
    switch v {
    case .null: return "—"
    case .string(let s): return s
    case .array(let items): return items.map(shown).joined(separator: ", ")
    default:
      var out = ""
      JSONWriter(pretty: false).write(v, into: &out, indent: 0)
      return out
    }
  }
}

extension ReportPage {
  func rt(_ text: RoundText, _ values: [String: String] = [:]) -> String {
    text.text(facts.language, values)
  }

  func changesSection(_ h: inout HTML) {
    guard let changes = context.changes else { return }
    let n = facts.language
    h.element("section", ["id": "perubahan"]) { h in
      guard let base = changes.base else {
        h.heading(rt(.changesHeadingFirst))
        h.element("p", ["class": "note"], rt(.firstRound))
        if changes.round == nil { h.element("p", ["class": "muted"], rt(.notRecorded)) }
        return
      }
      h.heading(rt(.changesHeading, ["n": String(base)]), lead: rt(.changesLead))
      if changes.round == nil { h.element("p", ["class": "muted"], rt(.notRecorded)) }
      let changed = changes.opds.filter(\.hasChanges)
      guard !changed.isEmpty else {
        h.element("p", ["class": "note good"], rt(.nothingChanged, ["n": String(base)]))
        return
      }
      h.table(
        [
          .text(t(.opd)), .number(rt(.filesNew)), .number(rt(.filesChanged)),
          .number(rt(.filesGone)), .number(rt(.recordsAdded)), .number(rt(.recordsRemoved)),
          .number(rt(.recordsChanged)), .number(rt(.findingsFixed)), .number(rt(.findingsNew)),
          .number(rt(.findingsOpen)),
        ]
      ) { h in
        for o in changed {
          h.element("tr") { h in
            let name = o.opd.map { facts.standard.opds.office(code: $0)?.name ?? $0 }
            h.element("td", name ?? rt(.noOPD))
            for v in [
              o.filesNew.count, o.filesChanged.count, o.filesGone.count, o.added.count,
              o.removed.count, o.changed.count, o.fixed.count, o.new.count, o.open.count,
            ] {
              h.element("td", ["class": "n"], Format.count(v, n))
            }
          }
        }
      }
      let same = changes.opds.count - changed.count
      if same > 0 {
        h.element("p", ["class": "muted"], rt(.unchangedOffices, ["n": Format.count(same, n)]))
      }
    }
  }
}

extension FeedbackPages {
  func rt(_ text: RoundText, _ values: [String: String] = [:]) -> String {
    text.text(facts.language, values)
  }

  /// "Sejak putaran 3: 5 masalah diperbaiki, 2 baru, 3 masih ada", then the
  /// records and files that changed.
  func roundPart(_ h: inout HTML, code: String) {
    guard let changes = context.changes else { return }
    h.element("section", ["id": "perubahan"]) { h in
      guard let base = changes.base else {
        h.element("p", ["class": "note"], rt(.firstRound))
        return
      }
      let o = changes.of(code) ?? RoundChanges.OPDChanges(opd: code.isEmpty ? nil : code)
      let lang = facts.language
      h.element(
        "p", ["class": "note"],
        rt(
          .sinceRound,
          [
            "n": String(base), "diperbaiki": Format.count(o.fixed.count, lang),
            "baru": Format.count(o.new.count, lang), "tersisa": Format.count(o.open.count, lang),
          ]))
      h.element(
        "p",
        rt(
          .sinceRoundDetail,
          [
            "ditambah": Format.count(o.added.count, lang),
            "dihapus": Format.count(o.removed.count, lang),
            "diubah": Format.count(o.changed.count, lang),
            "baru": Format.count(o.filesNew.count, lang),
            "berubah": Format.count(o.filesChanged.count, lang),
            "hilang": Format.count(o.filesGone.count, lang),
          ]))
      let lines =
        o.added.map { (rt(.added), $0) } + o.removed.map { (rt(.removed), $0) }
        + o.changed.map { (rt(.changed), $0) }
      if !lines.isEmpty {
        h.element("ul") { h in
          for (what, r) in lines.prefix(Self.rowLimit) {
            h.element("li", what + ": " + RoundChanges.recordText(r))
          }
        }
      }
    }
  }
}
