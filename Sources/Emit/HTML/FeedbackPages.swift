import Foundation
import Pipeline
import Standard

/// `umpan-balik/<OPD>.html` (SPEC §7): for each OPD that sent files, in plain
/// language, what was accepted, what was rejected and exactly which cells to
/// fix, by file, sheet and row; one more page for what no OPD could be found for.
struct FeedbackPages: Emitter {
  static let folder = "umpan-balik"
  static let unknownName = "opd-tidak-dikenal.html"
  /// Beyond this many rows a table stops, with a note pointing to temuan.csv:
  /// a page of a very large run must still open.
  static let rowLimit = 10_000

  let context: EmitContext
  let facts: ReportFacts
  /// OPD code (`""`: unknown) → file name inside `umpan-balik/`, decided once
  /// for the pages and for the report's links to them.
  let names: [(code: String, name: String)]

  init(_ context: EmitContext, facts: ReportFacts) {
    self.context = context
    self.facts = facts
    names = Self.fileNames(facts)
  }

  var a: Architecture { facts.architecture }
  /// Where OPDs send their workbooks, as the pages name it.
  var collectingOffice: String {
    configuration.collectingOffice.isEmpty
      ? t(.collectingOfficeUnnamed) : configuration.collectingOffice
  }

  func t(_ text: PageText, _ values: [String: String] = [:]) -> String {
    text(facts.language, values)
  }

  /// OPD code (`""` for the unknown OPD) → file name inside `umpan-balik/`:
  /// a page for every OPD of the registry (those that sent nothing yet get one
  /// saying what is expected), so staff can send every OPD its page.
  private static func fileNames(_ facts: ReportFacts) -> [(code: String, name: String)] {
    var out = pageNames(facts.standard.opds.offices)
    if hasUnknown(facts) { out.append(("", Self.unknownName)) }
    return out
  }

  /// OPD code → its page's file name inside `umpan-balik/`, in registry order.
  static func pageNames(_ offices: [OPDRegistry.OPD]) -> [(code: String, name: String)] {
    var used: Set<String> = [Self.unknownName]
    var out: [(String, String)] = []
    for o in offices {
      let base = OutputFolder.safeFileName(
        o.code + "-" + o.abbreviation.lowercased(), fallback: "opd")
      var name = base
      var n = 2
      while used.contains(name + ".html") {
        name = base + "-\(n)"
        n += 1
      }
      used.insert(name + ".html")
      out.append((o.code, name + ".html"))
    }
    return out
  }

  private static func hasUnknown(_ facts: ReportFacts) -> Bool {
    facts.recordsOf[""] != nil || facts.findingsOf[""] != nil
  }

  /// The page of `code`, or of the unknown OPD when `code` is empty.
  func render(code: String) -> String {
    let office = facts.standard.opds.office(code: code)
    if let office, facts.files[code] == nil { return renderNotSent(office) }
    let unknown = office == nil
    let records = (facts.recordsOf[unknown ? "" : code] ?? []).map { a.records[$0] }
    let findings = facts.findingsOf[unknown ? "" : code] ?? []
    let files: [String] =
      unknown
      ? Array(Set(records.map(\.origin.file) + findings.map { a.findings[$0].location.file }))
        .sorted()
      : facts.files[code] ?? []
    let title =
      unknown
      ? t(.unknownOPDTitle)
      : office!.name
    return PageFrame.document(
      title: t(.feedback) + " — " + title, language: facts.language,
      withScript: false
    ) { h in
      h.element("header", ["class": "top"]) { h in
        h.element("div", ["class": "wrap"]) { h in
          h.element(
            "p", ["class": "eyebrow"],
            t(.feedbackEyebrow) + " · "
              + configuration.institutionName)
          h.element("h1", title)
          h.element(
            "p",
            (unknown ? "" : t(.opdCode) + " " + code + " · ")
              + t(.period) + " " + configuration.period + " · "
              + t(.checked) + " " + Format.timestamp(createdAt, facts.language))
          // Who filled it in (masked like every value of a page).
          if !unknown, let c = a.contact(of: code) {
            let parts = [c.name, c.position, c.contact, c.filledOn].compactMap { $0 }
            h.element(
              "p", ["class": "contact"], t(.contactName) + ": " + parts.joined(separator: " · "))
          }
        }
      }
      h.open("main", ["class": "wrap"])
      roundPart(&h, code: unknown ? "" : code)
      intro(&h, unknown: unknown, records: records, findings: findings)
      if !unknown { missingDomains(&h, records) }
      filesSection(&h, files, severalPerDomain: unknown ? [:] : facts.filesPerDomain[code] ?? [:])
      if !unknown { perDomain(&h, records) }
      toFix(&h, findings)
      rejectedRows(&h, records.filter(\.rejected))
      notes(&h, findings)
      h.element("footer") { h in
        h.text(
          t(.feedbackFooter, ["versi": ToolVersion.current, "pengelola": collectingOffice]))
      }
      h.close("main")
    }
  }

  func intro(_ h: inout HTML, unknown: Bool, records: [Record], findings: [Int]) {
    let accepted = records.filter { !$0.rejected }.count
    let rejected = records.count - accepted
    let errors = findings.filter { a.findings[$0].severity == .kesalahan }.count
    let lang = facts.language
    h.element("section") { h in
      if unknown {
        h.element(
          "p", ["class": "note"],
          t(.unknownOPDIntro))
      }
      h.element("div", ["class": "cards"]) { h in
        for (key, value, kind) in [
          (t(.rowsAccepted), accepted, "ok"),
          (t(.rowsRejected), rejected, rejected > 0 ? "err" : ""),
          (t(.cellsToFix), errors, errors > 0 ? "err" : ""),
        ] {
          h.card(key, Format.count(value, lang), kind: kind)
        }
      }
      if records.isEmpty && !unknown {
        // A blank workbook is never thanked for.
        h.element("p", ["class": "note"], t(.nothingReceived, ["pengelola": collectingOffice]))
      } else if errors == 0 && rejected == 0 {
        h.element(
          "p", ["class": "note good"],
          t(.allAcceptedThanks))
      } else {
        h.element("p", t(.howToFix))
        h.element("ol", ["class": "steps"]) { h in
          h.element(
            "li",
            t(.fixStepOpen))
          h.element(
            "li",
            t(.fixStepChange))
          h.element(
            "li",
            t(.fixStepSend, ["pengelola": collectingOffice]))
        }
      }
    }
  }

  func filesSection(
    _ h: inout HTML, _ files: [String], severalPerDomain: [String: [String]]
  ) {
    h.element("section") { h in
      h.heading(t(.filesSent))
      // A re-submission beside the old file: staff should remove the outdated one.
      for d in facts.standard.domains {
        guard let several = severalPerDomain[d.key] else { continue }
        let label = facts.language == .id ? d.label : d.labelEnglish
        h.element(
          "p", ["class": "note"],
          t(
            .filesForDomain,
            [
              "jumlah": String(several.count), "domain": label,
              "berkas": several.joined(separator: ", "),
            ]))
      }
      h.element("ul") { h in
        for f in files {
          let s = a.sources.first { $0.path == f }
          h.element("li") { h in
            h.element("span", ["class": "place"], f)
            if s?.readable == false {
              h.element("span", ["class": "muted"], t(.unreadableSuffix))
            }
          }
        }
      }
    }
  }

  func perDomain(_ h: inout HTML, _ records: [Record]) {
    h.element("section") { h in
      h.heading(t(.resultPerDomain))
      h.table([
        .text("Domain"), .number(t(.accepted)), .number(t(.rejected)),
      ]) { h in
        for d in facts.standard.domains {
          let rs = records.filter { $0.domain == d.key }
          let bad = rs.filter(\.rejected).count
          h.element("tr") { h in
            h.element("td", facts.domainLabel(d.key))
            h.element("td", ["class": "n"], Format.count(rs.count - bad, facts.language))
            h.element("td", ["class": "n"], Format.count(bad, facts.language))
          }
        }
      }
    }
  }

  /// An instruction sheet's `lembar-tidak-dikenal`: said among the notes, the
  /// OPD is not asked to act on it.
  func asksNothing(_ i: Int) -> Bool {
    let f = a.findings[i]
    return f.severity == .info || (f.type == .lembarTidakDikenal && f.params["petunjuk"] != nil)
  }

  func toFix(_ h: inout HTML, _ findings: [Int]) {
    let needed = findings.filter { !asksNothing($0) }
    h.element("section") { h in
      h.heading(t(.whatToFix))
      guard !needed.isEmpty else {
        h.element("p", ["class": "note good"], t(.nothing))
        return
      }
      h.element(
        "p", ["class": "lead"],
        t(.whatToFixNote))
      limitNote(&h, needed.count)
      for (file, group) in Self.byFile(Array(needed.prefix(Self.rowLimit)), a.findings) {
        h.element("h3") { h in h.element("span", ["class": "place"], file) }
        FindingsTable.render(&h, facts: facts, indices: group, showFile: false)
      }
    }
  }

  func limitNote(_ h: inout HTML, _ count: Int) {
    guard count > Self.rowLimit else { return }
    h.element(
      "p", ["class": "note"],
      t(
        .rowsShownFirst,
        [
          "n": Format.count(Self.rowLimit, facts.language),
          "total": Format.count(count, facts.language),
        ]))
  }

  static func byFile(_ indices: [Int], _ findings: [Finding]) -> [(String, [Int])] {
    var out: [(String, [Int])] = []
    for i in indices {
      let file = findings[i].location.file
      if out.last?.0 == file { out[out.count - 1].1.append(i) } else { out.append((file, [i])) }
    }
    return out
  }

  func rejectedRows(_ h: inout HTML, _ rejected: [Record]) {
    guard !rejected.isEmpty else { return }
    h.element("section") { h in
      h.heading(
        t(.rejectedRows),
        lead:
          t(.rejectedRowsNote))
      limitNote(&h, rejected.count)
      h.table([
        .text(t(.row)), .text("Domain"), .text(t(.name)),
        .text(t(.reason)),
      ]) { h in
        for r in rejected.prefix(Self.rowLimit) {
          h.element("tr") { h in
            h.element(
              "td", ["class": "place"],
              facts.place(
                Location(file: r.origin.file, sheet: r.origin.sheet, row: r.origin.row)))
            h.element("td", facts.domainLabel(r.domain))
            h.element("td", r.text("nama") ?? r.text("uraian") ?? "")
            h.element("td") { h in
              for i in r.findings where a.findings[i].severity == .kesalahan {
                let f = a.findings[i]
                h.element("div") { h in
                  h.element(
                    "span", ["class": "small muted"], ArchitectureDocument.findingID(i) + " ")
                  h.text(f.location.cell.map { $0 + ": " } ?? "")
                  h.text(facts.rendered(i).message)
                }
              }
            }
          }
        }
      }
    }
  }

  func notes(_ h: inout HTML, _ findings: [Int]) {
    let info = findings.filter(asksNothing)
    guard !info.isEmpty else { return }
    h.element("section") { h in
      h.element("details") { h in
        h.element(
          "summary",
          t(.notesHeading, ["n": "\(info.count)"]))
        if info.contains(where: { a.findings[$0].params["petunjuk"] != nil }) {
          h.element("p", ["class": "muted"], t(.instructionSheetNote))
        }
        limitNote(&h, info.count)
        FindingsTable.render(&h, facts: facts, indices: Array(info.prefix(Self.rowLimit)))
      }
    }
  }
}

extension FeedbackPages {
  /// OPD code (`""`: unknown) → the page's path relative to the report.
  func links() -> [String: String] {
    Dictionary(uniqueKeysWithValues: names.map { ($0.code, Self.folder + "/" + $0.name) })
  }

  /// Writes every page, then removes the pages of an earlier run that this run
  /// has none for (an OPD that no longer sends, a renamed file). Returns the
  /// folder, as the run's summary names it (one line, however many OPDs).
  /// The folder is part of the set as a whole: the commit replaces the
  /// previous run's pages (those of OPDs that no longer send files too), and
  /// nothing of the live folder changes before it.
  func write(into folder: OutputFolder) throws -> [String] {
    try folder.makeFolder(Self.folder)
    // Pages are independent: rendered side by side (one OPD's page can hold
    // most of a large run), the first failure in page order reported.
    try Parallel.forEach(names.count, workers: configuration.jobs) { i in
      try folder.write(Self.folder + "/" + names[i].name, render(code: names[i].code))
    }
    let dir = (folder.path as NSString).appendingPathComponent(Self.folder)
    return names.isEmpty ? [] : [dir + "/"]
  }
}
