import Foundation
import Pipeline
import Standard

/// `profil.html` ("Profil Arsitektur SPBE"): what the accepted records say
/// about the regency, rendered from `Architecture.analysis` (computed before
/// emit; this page only shows it). The regency in numbers first, then one
/// section per analysis, each chart with the table behind it, and an empty
/// part said in words. Same frame and rules as `laporan.html`: escaped, CSP,
/// no request; here no script at all.
struct ProfilePage: Emitter {
  let context: EmitContext
  /// `laporan.html`, relative to this page, when that output is written.
  let reportLink: String?
  /// Rows of a long list (gaps, flows, applications outside the data
  /// centres) shown on the page; all of them are in the JSON.
  static let listLimit = 500

  /// Names of the records the page shows, by reference.
  private let names: [RecordRef: String]

  init(context: EmitContext, reportLink: String?) {
    self.context = context
    self.reportLink = reportLink
    names = Self.names(of: Self.shownRefs(context.architecture.analysis), in: context.architecture)
  }

  var analysis: Analysis { architecture.analysis }
  var lang: Language { configuration.language }
  func t(_ text: ProfileText, _ values: [String: String] = [:]) -> String { text(lang, values) }
  func p(_ text: PageText, _ values: [String: String] = [:]) -> String { text(lang, values) }

  func render() -> String {
    let title = t(.title)
    return PageFrame.document(
      title: "\(title) — \(configuration.institutionName)", language: lang, withScript: false,
      extraCSS: Self.css
    ) { h in
      header(&h, title: title)
      h.open("main", ["class": "wrap"])
      numbers(&h)
      budget(&h)
      common(&h)
      consolidation(&h)
      gaps(&h)
      flows(&h)
      hosting(&h)
      h.element("footer") { h in h.text(t(.footer, ["versi": ToolVersion.current])) }
      h.close("main")
    }
  }

  // MARK: names

  /// The references whose names the page shows (lists capped at `listLimit`).
  static func shownRefs(_ a: Analysis) -> Set<RecordRef> {
    var refs = Set(a.anggaran.termahal.map(\.ref))
    for c in a.aplikasiUmum { refs.formUnion(c.kandidatMigrasi) }
    for g in a.kandidatKonsolidasi { refs.formUnion(g.aplikasi) }
    for g in a.celah.prefix(listLimit) {
      if let id = g.id { refs.insert(RecordRef(domain: g.domain, opd: g.opd, id: id)) }
    }
    for f in a.interoperabilitas {
      for d in f.data { refs.insert(RecordRef(domain: "data", opd: f.dariOPD, id: d)) }
    }
    for s in a.hosting where !isGovernment(s.lokasi) && !isUnknown(s.lokasi) {
      refs.formUnion(s.aplikasi)
    }
    return refs
  }

  /// One walk over the records: the name (or description) of each wanted one.
  static func names(of refs: Set<RecordRef>, in a: Architecture) -> [RecordRef: String] {
    guard !refs.isEmpty else { return [:] }
    var out: [RecordRef: String] = [:]
    for i in a.records.indices where !a.records[i].rejected {
      guard let id = a.records[i].text("id"), let opd = a.records[i].opd else { continue }
      let ref = RecordRef(domain: a.records[i].domain, opd: opd, id: id)
      guard refs.contains(ref), out[ref] == nil else { continue }
      out[ref] = a.records[i].text("nama") ?? a.records[i].text("uraian") ?? id
    }
    return out
  }

  func name(_ ref: RecordRef) -> String { names[ref] ?? ref.id }

  func officeShort(_ code: String) -> String {
    guard let o = standard.opds.office(code: code) else { return code }
    return o.abbreviation.isEmpty ? o.name : o.abbreviation
  }

  func officeName(_ code: String) -> String { standard.opds.office(code: code)?.name ?? code }

  func domainLabel(_ key: String) -> String {
    let d = standard.domain(key)
    return (lang == .en ? d?.labelEnglish : d?.label) ?? key
  }

  /// OPD codes in registry order, codes the registry does not know last.
  func inRegistryOrder(_ codes: Set<String>) -> [String] {
    let order = Dictionary(
      standard.opds.offices.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    return codes.sorted {
      let (x, y) = (order[$0] ?? Int.max, order[$1] ?? Int.max)
      return x != y ? x < y : $0 < $1
    }
  }

  /// An OPD in a table cell: its name, its code under it.
  func office(_ h: inout HTML, _ code: String) {
    h.element("td") { h in
      h.text(officeName(code))
      h.element("div", ["class": "small muted"], code)
    }
  }

  /// A record in a table cell: its name, `id · OPD` under it.
  func record(_ h: inout HTML, _ ref: RecordRef) {
    h.element("td") { h in
      h.text(name(ref))
      h.element("div", ["class": "small muted place"], "\(ref.id) · \(officeShort(ref.opd))")
    }
  }

  func numberCell(_ h: inout HTML, _ v: Int) {
    h.element("td", ["class": "n"], Format.count(v, lang))
  }

  func rupiahCell(_ h: inout HTML, _ v: Int?) {
    h.element("td", ["class": "n"], v.map { Format.count($0, lang) } ?? "—")
  }

  func empty(_ h: inout HTML, _ text: ProfileText) {
    h.element("p", ["class": "note empty"], t(text))
  }

  func more(_ h: inout HTML, _ shown: Int, _ all: Int) {
    if all > shown {
      h.element("p", ["class": "muted small"], t(.moreRows, ["n": Format.count(all - shown, lang)]))
    }
  }

  static let domainColors = ["#1769aa", "#2e7d4f", "#b26a00", "#7b4ea3", "#c0392b", "#4a8fa8"]

  // MARK: header

  func header(_ h: inout HTML, title: String) {
    h.element("header", ["class": "top"]) { h in
      h.element("div", ["class": "wrap"]) { h in
        h.element("p", ["class": "eyebrow"], "\(t(.eyebrow)) · \(configuration.institutionName)")
        h.element("h1", title)
        h.element(
          "p",
          p(.regionCode) + " \(configuration.regionCode) · " + p(.period)
            + " \(configuration.period) · " + p(.generated) + " "
            + Format.timestamp(createdAt, lang) + " · pipeline " + ToolVersion.current)
      }
    }
    h.element("nav", ["class": "toc", "aria-label": p(.contents)]) { h in
      h.element("div", ["class": "wrap"]) { h in
        for (anchor, label) in [
          ("angka", t(.numbersHeading, ["instansi": configuration.institutionName])),
          ("anggaran", t(.budgetHeading)), ("aplikasi-umum", t(.commonHeading)),
          ("konsolidasi", t(.consolidationHeading)), ("celah", t(.gapsHeading)),
          ("interoperabilitas", t(.flowsHeading)), ("hosting", t(.hostingHeading)),
        ] {
          h.element("a", ["href": "#" + anchor], label)
        }
        if let reportLink {
          h.element("a", ["href": reportLink, "class": "out"], t(.toReport) + " →")
        }
      }
    }
  }

  // MARK: the regency in numbers

  func numbers(_ h: inout HTML) {
    // Accepted records per domain, as the JSON holds them.
    var perKey: [String: Int] = [:]
    for i in architecture.records.indices where !architecture.records[i].rejected {
      perKey[architecture.records[i].domain, default: 0] += 1
    }
    let accepted = perKey.values.reduce(0, +)
    let offices = standard.opds.offices
    let sending = offices.filter { architecture.byOPD.files[$0.code] != nil }.count
    let b = analysis.anggaran
    let used = analysis.aplikasiUmum.filter { !$0.opdPengguna.isEmpty }.count
    let migration = Set(analysis.aplikasiUmum.flatMap(\.kandidatMigrasi)).count
    let grouped = analysis.kandidatKonsolidasi.reduce(0) { $0 + $1.aplikasi.count }
    let flowData = analysis.interoperabilitas.reduce(0) { $0 + $1.data.count }
    h.element("section", ["id": "angka"]) { h in
      h.heading(
        t(.numbersHeading, ["instansi": configuration.institutionName]),
        lead: t(.lead, ["instansi": configuration.institutionName]) + " " + t(.numbersLead))
      h.element("div", ["class": "cards"]) { h in
        h.card(
          p(.officesSending), Format.count(sending, lang),
          p(.ofOffices, ["n": Format.count(offices.count, lang)]))
        h.card(t(.acceptedRecords), Format.count(accepted, lang), nil)
        h.card(
          t(.budgetTotal), Format.rupiahShort(b.total, lang),
          t(.appsWithoutAmount, ["n": Format.count(appsWithoutAmount, lang)]), kind: "money")
        h.card(
          t(.commonInUse), Format.count(used, lang),
          t(.ofCommonListed, ["n": Format.count(analysis.aplikasiUmum.count, lang)]))
        h.card(t(.migrationCandidates), Format.count(migration, lang), nil)
        h.card(
          t(.consolidationGroups), Format.count(analysis.kandidatKonsolidasi.count, lang),
          grouped > 0 ? "\(Format.count(grouped, lang)) \(t(.applications).lowercased())" : nil)
        h.card(t(.gaps), Format.count(analysis.celah.count, lang), nil)
        h.card(
          t(.flows), Format.count(analysis.interoperabilitas.count, lang),
          flowData > 0 ? "\(Format.count(flowData, lang)) \(t(.data).lowercased())" : nil)
      }
      let perDomain = standard.domains.map { ($0, perKey[$0.key] ?? 0) }
      h.element("div", ["class": "charts"]) { h in
        h.element("figure") { h in
          h.element("figcaption", t(.recordsPerDomain))
          Chart.bars(
            &h, perDomain.map { Chart.Bar(label: domainLabel($0.0.key), parts: [$0.1]) },
            colors: ["#1769aa"], legend: [t(.recordsLegend)], title: t(.recordsPerDomain),
            language: lang)
        }
        h.element("div") { h in
          h.table([.text(t(.domain)), .number(t(.records))]) { h in
            for (d, n) in perDomain {
              h.element("tr") { h in
                h.element("td", domainLabel(d.key))
                numberCell(&h, n)
              }
            }
            h.element("tr", ["class": "sum"]) { h in
              h.element("td", p(.total))
              numberCell(&h, accepted)
            }
          }
        }
      }
    }
  }

  /// Applications with no amount: the application lines of `per_opd`.
  var appsWithoutAmount: Int {
    analysis.anggaran.perOPD.filter { $0.domain == "aplikasi" }.reduce(0) { $0 + $1.tanpaNilai }
  }

  // MARK: anggaran

  func budget(_ h: inout HTML) {
    let b = analysis.anggaran
    h.element("section", ["id": "anggaran"]) { h in
      h.heading(t(.budgetHeading), lead: t(.budgetLead))
      guard b.total != 0 || !b.perOPD.isEmpty || b.tanpaNilai > 0 else {
        empty(&h, .noBudget)
        return
      }
      let others = b.tanpaNilai - appsWithoutAmount
      h.element("p", ["class": "note"]) { h in
        h.element("strong", t(.budgetTotal) + ": " + Format.rupiah(b.total, lang))
        h.text(" · " + t(.appsWithoutAmount, ["n": Format.count(appsWithoutAmount, lang)]))
        if others > 0 {
          h.text(" · " + t(.otherRecordsWithoutAmount, ["n": Format.count(others, lang)]))
        }
      }
      // Per OPD: one bar per OPD, a part per domain.
      let domains = standard.domains.map(\.key).filter { k in b.perOPD.contains { $0.domain == k } }
      var perOffice: [String: [String: Int]] = [:]
      for l in b.perOPD { perOffice[l.kunci, default: [:]][l.domain ?? "", default: 0] += l.jumlah }
      // Most costly first; equal sums in registry order.
      let registry = inRegistryOrder(Set(perOffice.keys))
      let offices = registry.indices.sorted {
        let (x, y) = (
          perOffice[registry[$0]]!.values.reduce(0, +), perOffice[registry[$1]]!.values.reduce(0, +)
        )
        return x != y ? x > y : $0 < $1
      }.map { registry[$0] }
      h.element("h3", t(.budgetPerOPD))
      h.element("figure") { h in
        h.element("figcaption", t(.budgetPerOPD))
        Chart.bars(
          &h,
          offices.map { o in
            Chart.Bar(label: officeShort(o), parts: domains.map { perOffice[o]?[$0] ?? 0 })
          },
          colors: Self.domainColors, legend: domains.map(domainLabel), title: t(.budgetPerOPD),
          language: lang, valueText: { Format.rupiahShort($0.parts.reduce(0, +), lang) })
      }
      lines(&h, b.perOPD, first: .text(p(.opd)), withDomain: true) { h, l in office(&h, l.kunci) }

      h.element("h3", t(.budgetPerRAA))
      if b.perRAA.isEmpty {
        empty(&h, .noRAA)
      } else {
        let raa = standard.codelists["raa"]
        let label = { (code: String) in raa?.entry(code).map { "\(code) \($0.name)" } ?? code }
        h.element("figure") { h in
          h.element("figcaption", t(.budgetPerRAA))
          Chart.bars(
            &h, b.perRAA.map { Chart.Bar(label: label($0.kunci), parts: [$0.jumlah]) },
            colors: ["#7b4ea3"], legend: [t(.amount)], title: t(.budgetPerRAA), language: lang,
            valueText: { Format.rupiahShort($0.parts[0], lang) })
        }
        lines(&h, b.perRAA, first: .text(t(.raaArea)), withDomain: false) { h, l in
          h.element("td") { h in
            h.text(raa?.entry(l.kunci)?.name ?? l.kunci)
            h.element("div", ["class": "small muted"], l.kunci)
          }
        }
      }

      h.element("h3", t(.budgetPerYear))
      if b.perTahun.isEmpty {
        empty(&h, .noYear)
      } else {
        h.element("figure") { h in
          h.element("figcaption", t(.budgetPerYear))
          Chart.bars(
            &h, b.perTahun.map { Chart.Bar(label: $0.kunci, parts: [$0.jumlah]) },
            colors: ["#2e7d4f"], legend: [t(.amount)], title: t(.budgetPerYear), language: lang,
            valueText: { Format.rupiahShort($0.parts[0], lang) })
        }
        lines(&h, b.perTahun, first: .text(t(.year)), withDomain: false) { h, l in
          h.element("td", l.kunci)
        }
      }

      h.element("h3", t(.topTen))
      if b.termahal.isEmpty {
        empty(&h, .noBudget)
      } else {
        h.table([.number("#"), .text(t(.application)), .number(t(.amount))]) { h in
          for (i, item) in b.termahal.enumerated() {
            h.element("tr") { h in
              h.element("td", ["class": "n"], "\(i + 1)")
              h.element("td") { h in
                h.text(item.nama)
                h.element(
                  "div", ["class": "small muted place"],
                  "\(item.ref.id) · \(officeShort(item.ref.opd))")
              }
              rupiahCell(&h, item.jumlah)
            }
          }
        }
      }
    }
  }

  /// A breakdown's table: what the row is about, (domain,) amount, records
  /// without an amount, records; a last row with the sums.
  func lines(
    _ h: inout HTML, _ lines: [Analysis.Budget.Line], first: HTML.Column, withDomain: Bool,
    key: (inout HTML, Analysis.Budget.Line) -> Void
  ) {
    h.table(
      [first] + (withDomain ? [.text(t(.domain))] : [])
        + [.number(t(.amount)), .number(t(.withoutAmount)), .number(t(.records))]
    ) { h in
      for l in lines {
        h.element("tr") { h in
          key(&h, l)
          if withDomain { h.element("td", l.domain.map(domainLabel) ?? "—") }
          rupiahCell(&h, l.jumlah)
          numberCell(&h, l.tanpaNilai)
          numberCell(&h, l.rekaman)
        }
      }
      h.element("tr", ["class": "sum"]) { h in
        h.element("td", p(.total))
        if withDomain { h.element("td", "") }
        rupiahCell(&h, lines.reduce(0) { $0 + $1.jumlah })
        numberCell(&h, lines.reduce(0) { $0 + $1.tanpaNilai })
        numberCell(&h, lines.reduce(0) { $0 + $1.rekaman })
      }
    }
  }

  // MARK: aplikasi umum

  func kindLabel(_ kelas: String) -> String {
    switch kelas {
    case "umum": return t(.classUmum)
    case "khusus-nasional": return t(.classNational)
    case "khusus-daerah": return t(.classLocal)
    default: return kelas
    }
  }

  func common(_ h: inout HTML) {
    let apps = analysis.aplikasiUmum
    h.element("section", ["id": "aplikasi-umum"]) { h in
      h.heading(t(.commonHeading), lead: t(.commonLead))
      let classes = ["umum", "khusus-nasional", "khusus-daerah"]
      var perClass: [String: Int] = [:]
      for c in analysis.kelasAplikasi { perClass[c.kelas, default: 0] += 1 }
      let kinds = classes + perClass.keys.filter { !classes.contains($0) }.sorted()
      if apps.isEmpty {
        empty(&h, .noCommon)
      } else {
        let offices = inRegistryOrder(Set(apps.flatMap { $0.opdPengguna + $0.opdBukanPengguna }))
        let uses = apps.map { Set($0.opdPengguna) }
        h.element("figure", ["class": "wide"]) { h in
          h.element("figcaption", t(.adoption))
          h.element("div", ["class": "legend"]) { h in
            h.element("span") { h in
              h.element("i", ["class": "sw-used"], "")
              h.text(t(.usedLegend))
            }
            h.element("span") { h in
              h.element("i", ["class": "sw-none"], "")
              h.text(t(.notUsedLegend))
            }
          }
          h.element("div", ["class": "scroll bare"]) { h in
            Chart.matrix(
              &h, rows: apps.map(\.nama), columns: offices.map(officeShort),
              values: uses.map { u in offices.map { u.contains($0) ? 1 : 0 } }, color: "#2e7d4f",
              title: t(.adoption), language: lang, binary: true
            ) { i, j in
              "\(apps[i].nama) — \(officeName(offices[j])): "
                + t(uses[i].contains(offices[j]) ? .usedLegend : .notUsedLegend)
            }
          }
        }
        h.table([
          .text(t(.commonApplication)), .text(t(.kind)), .text(t(.owner)),
          .number(t(.users)), .text(""), .number(t(.nonUsers)), .number(t(.migrationCandidates)),
        ]) { h in
          for a in apps {
            h.element("tr") { h in
              h.element("td", a.nama)
              h.element("td", kindLabel(a.kelas))
              h.element("td", a.pemilik)
              numberCell(&h, a.opdPengguna.count)
              h.element(
                "td", ["class": "small"], a.opdPengguna.map(officeShort).joined(separator: ", "))
              numberCell(&h, a.opdBukanPengguna.count)
              numberCell(&h, a.kandidatMigrasi.count)
            }
          }
        }
      }
      if !analysis.kelasAplikasi.isEmpty {
        h.element("h3", t(.classes))
        h.element("div", ["class": "charts"]) { h in
          h.element("figure") { h in
            h.element("figcaption", t(.classes))
            Chart.shares(
              &h, kinds.map { (kindLabel($0), perClass[$0] ?? 0) },
              colors: ["#2e7d4f", "#1769aa", "#b26a00", "#8a96a3"], title: t(.classes),
              language: lang)
          }
          h.element("div") { h in
            h.table([.text(t(.kind)), .number(t(.number)), .number(t(.share))]) { h in
              for k in kinds {
                h.element("tr") { h in
                  h.element("td", kindLabel(k))
                  numberCell(&h, perClass[k] ?? 0)
                  h.element(
                    "td", ["class": "n"],
                    Format.percent(perClass[k] ?? 0, analysis.kelasAplikasi.count, lang))
                }
              }
            }
          }
        }
      }
      h.element("h3", t(.migrationHeading))
      h.element("p", ["class": "lead"], t(.migrationLead))
      let candidates = apps.flatMap { a in a.kandidatMigrasi.map { (a, $0) } }
      if candidates.isEmpty {
        empty(&h, .noMigration)
      } else {
        h.table([.text(t(.commonApplication)), .text(t(.localApplication)), .text(p(.opd))]) { h in
          for (a, ref) in candidates {
            h.element("tr") { h in
              h.element("td", a.nama)
              record(&h, ref)
              office(&h, ref.opd)
            }
          }
        }
      }
    }
  }

  // MARK: kandidat konsolidasi

  func consolidation(_ h: inout HTML) {
    let groups = analysis.kandidatKonsolidasi
    h.element("section", ["id": "konsolidasi"]) { h in
      h.heading(t(.consolidationHeading), lead: t(.consolidationLead))
      guard !groups.isEmpty else {
        empty(&h, .noConsolidation)
        return
      }
      h.table([
        .number("#"), .text(t(.applications)), .number("OPD"), .text(t(.reason)),
        .number(t(.amount)),
      ]) { h in
        for (i, g) in groups.enumerated() {
          h.element("tr") { h in
            h.element("td", ["class": "n"], "\(i + 1)")
            h.element("td") { h in
              h.element("ul", ["class": "plain"]) { h in
                for ref in g.aplikasi {
                  h.element("li") { h in
                    h.text(name(ref))
                    h.element("span", ["class": "small muted"], " · \(officeShort(ref.opd))")
                  }
                }
              }
            }
            h.element("td", ["class": "n", "title": g.opd.map(officeName).joined(separator: ", ")])
            {
              h in
              h.text(Format.count(g.opd.count, lang))
            }
            h.element("td", g.alasan)
            h.element(
              "td", ["class": "n"], g.anggaran.map { Format.count($0, lang) } ?? t(.noAmount))
          }
        }
      }
    }
  }

  // MARK: celah

  static let gapKinds: [(String, ProfileText)] = [
    ("proses-tanpa-layanan", .gapProcessWithoutService),
    ("layanan-tanpa-aplikasi", .gapServiceWithoutApplication),
    ("aplikasi-tanpa-data", .gapApplicationWithoutData),
    ("aplikasi-tanpa-infrastruktur", .gapApplicationWithoutInfrastructure),
    ("aplikasi-tanpa-keamanan", .gapApplicationWithoutSecurity),
    ("data-interoperabel-tidak-dipakai", .gapDataNotUsed),
    ("domain-belum-dikirim", .gapDomainNotSent),
  ]

  func gapLabel(_ jenis: String) -> String {
    Self.gapKinds.first { $0.0 == jenis }.map { t($0.1) } ?? jenis
  }

  func gaps(_ h: inout HTML) {
    let gaps = analysis.celah
    h.element("section", ["id": "celah"]) { h in
      h.heading(t(.gapsHeading), lead: t(.gapsLead))
      guard !gaps.isEmpty else {
        empty(&h, .noGaps)
        return
      }
      let present = Set(gaps.map(\.jenis))
      let kinds =
        Self.gapKinds.map(\.0).filter(present.contains)
        + present.filter { k in !Self.gapKinds.contains { $0.0 == k } }.sorted()
      var counts: [String: [String: Int]] = [:]
      for g in gaps { counts[g.opd, default: [:]][g.jenis, default: 0] += 1 }
      let offices = inRegistryOrder(Set(counts.keys))
      let colors = ["#c0392b", "#b26a00", "#7b4ea3", "#1769aa", "#4a8fa8", "#2e7d4f", "#8a96a3"]
      h.element("figure") { h in
        h.element("figcaption", t(.gapsPerOPD))
        Chart.bars(
          &h,
          offices.map { o in
            Chart.Bar(label: officeShort(o), parts: kinds.map { counts[o]?[$0] ?? 0 })
          },
          colors: colors, legend: kinds.map(gapLabel), title: t(.gapsPerOPD), language: lang)
      }
      h.table([.text(p(.opd))] + kinds.map { .number(gapLabel($0)) } + [.number(p(.total))]) { h in
        for o in offices {
          h.element("tr") { h in
            office(&h, o)
            for k in kinds { numberCell(&h, counts[o]?[k] ?? 0) }
            numberCell(&h, counts[o]?.values.reduce(0, +) ?? 0)
          }
        }
        h.element("tr", ["class": "sum"]) { h in
          h.element("td", p(.total))
          for k in kinds { numberCell(&h, gaps.filter { $0.jenis == k }.count) }
          numberCell(&h, gaps.count)
        }
      }
      h.element("h3", t(.gapsList))
      let shown = gaps.prefix(Self.listLimit)
      h.table([.text(p(.type)), .text(p(.opd)), .text(t(.domain)), .text(p(.name))]) { h in
        for g in shown {
          h.element("tr") { h in
            h.element("td", gapLabel(g.jenis))
            office(&h, g.opd)
            h.element("td", domainLabel(g.domain))
            if let id = g.id {
              record(&h, RecordRef(domain: g.domain, opd: g.opd, id: id))
            } else {
              h.element("td", ["class": "muted"], "—")
            }
          }
        }
      }
      more(&h, shown.count, gaps.count)
    }
  }

  // MARK: interoperabilitas

  func flows(_ h: inout HTML) {
    let flows = analysis.interoperabilitas
    h.element("section", ["id": "interoperabilitas"]) { h in
      h.heading(t(.flowsHeading), lead: t(.flowsLead))
      guard !flows.isEmpty else {
        empty(&h, .noFlows)
        return
      }
      let offices = inRegistryOrder(Set(flows.flatMap { [$0.dariOPD, $0.keOPD] }))
      var matrix: [String: [String: Int]] = [:]
      for f in flows { matrix[f.dariOPD, default: [:]][f.keOPD, default: 0] += f.data.count }
      h.element("figure", ["class": "wide"]) { h in
        h.element("figcaption", t(.flowMatrix))
        h.element("div", ["class": "scroll bare"]) { h in
          Chart.matrix(
            &h, rows: offices.map(officeShort), columns: offices.map(officeShort),
            values: offices.map { a in offices.map { matrix[a]?[$0] ?? 0 } }, color: "#1769aa",
            title: t(.flowMatrix), language: lang
          ) { i, j in
            "\(officeName(offices[i])) → \(officeName(offices[j])): "
              + "\(Format.count(matrix[offices[i]]?[offices[j]] ?? 0, lang)) \(t(.data).lowercased())"
          }
        }
      }
      h.element("h3", t(.flowList))
      let shown = flows.prefix(Self.listLimit)
      h.table([.text(t(.fromOPD)), .text(t(.toOPD)), .number(t(.dataCount)), .text(t(.data))]) {
        h in
        for f in shown {
          h.element("tr") { h in
            office(&h, f.dariOPD)
            office(&h, f.keOPD)
            numberCell(&h, f.data.count)
            h.element(
              "td", ["class": "small"],
              f.data.map { "\(name(RecordRef(domain: "data", opd: f.dariOPD, id: $0))) (\($0))" }
                .joined(separator: "; "))
          }
        }
      }
      more(&h, shown.count, flows.count)

      // The data sets that reach the most OPDs.
      var reach: [RecordRef: Set<String>] = [:]
      for f in flows {
        for d in f.data {
          reach[RecordRef(domain: "data", opd: f.dariOPD, id: d), default: []].insert(f.keOPD)
        }
      }
      let most = reach.sorted {
        $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
      }
      .prefix(10)
      h.element("h3", t(.mostShared))
      h.table([.text(t(.data)), .text(p(.opd)), .number(t(.usedBy)), .text("")]) { h in
        for (ref, users) in most {
          h.element("tr") { h in
            record(&h, ref)
            office(&h, ref.opd)
            numberCell(&h, users.count)
            h.element(
              "td", ["class": "small"],
              inRegistryOrder(users).map(officeShort).joined(separator: ", "))
          }
        }
      }
      h.element("h3", t(.isolated))
      let sharing = Set(offices)
      let alone = standard.opds.offices.map(\.code).filter {
        architecture.byOPD.total($0).accepted > 0 && !sharing.contains($0)
      }
      if alone.isEmpty {
        h.element("p", ["class": "note empty"], t(.isolatedNone))
      } else {
        h.element("ul", ["class": "columns"]) { h in
          for o in alone { h.element("li", officeName(o)) }
        }
      }
    }
  }

  // MARK: hosting

  static let governmentLocations: Set<String> = [
    "pusat-data-nasional", "pusat-data-daerah", "cloud-pemerintah",
  ]

  /// `Pusat Data Nasional` and `pusat-data-nasional` are one location.
  static func locationKey(_ lokasi: String) -> String {
    lokasi.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(
      separator: "-")
  }

  static func isGovernment(_ lokasi: String) -> Bool {
    governmentLocations.contains(locationKey(lokasi))
  }

  static func isUnknown(_ lokasi: String) -> Bool {
    let k = locationKey(lokasi)
    return k.isEmpty || k == "tidak-diketahui"
  }

  /// Blues and green for the government's places, orange and red for the others.
  static func locationColor(_ lokasi: String) -> String {
    switch locationKey(lokasi) {
    case "pusat-data-nasional": return "#1769aa"
    case "pusat-data-daerah": return "#2e7d4f"
    case "cloud-pemerintah": return "#4a8fa8"
    case "cloud-swasta": return "#b26a00"
    case "", "tidak-diketahui": return "#b9c3ce"
    default: return "#c0392b"
    }
  }

  func locationLabel(_ lokasi: String) -> String {
    switch Self.locationKey(lokasi) {
    case "pusat-data-nasional": return t(.hostPDN)
    case "pusat-data-daerah": return t(.hostPDD)
    case "cloud-pemerintah": return t(.hostGovCloud)
    case "cloud-swasta": return t(.hostPrivateCloud)
    case "server-opd", "server-lokal-opd": return t(.hostOPDServer)
    case "", "tidak-diketahui": return t(.hostUnknown)
    default: return lokasi
    }
  }

  func hosting(_ h: inout HTML) {
    let shares = analysis.hosting
    h.element("section", ["id": "hosting"]) { h in
      h.heading(t(.hostingHeading), lead: t(.hostingLead))
      guard !shares.isEmpty else {
        empty(&h, .noHosting)
        return
      }
      // Locations: the government's first, then the others, unknown last.
      var order: [String] = []
      for s in shares where !order.contains(s.lokasi) { order.append(s.lokasi) }
      let rank = { (l: String) in Self.isGovernment(l) ? 0 : Self.isUnknown(l) ? 2 : 1 }
      order.sort { rank($0) != rank($1) ? rank($0) < rank($1) : $0 < $1 }
      var total: [String: Int] = [:]
      var perOffice: [String: [String: Int]] = [:]
      for s in shares {
        total[s.lokasi, default: 0] += s.jumlah
        perOffice[s.opd, default: [:]][s.lokasi, default: 0] += s.jumlah
      }
      let all = total.values.reduce(0, +)
      let colors = order.map(Self.locationColor)
      h.element("div", ["class": "charts"]) { h in
        h.element("figure") { h in
          h.element("figcaption", t(.hostingShares))
          Chart.shares(
            &h, order.map { (locationLabel($0), total[$0] ?? 0) }, colors: colors,
            title: t(.hostingShares), language: lang)
        }
        h.element("div") { h in
          h.table([.text(t(.location)), .number(t(.applications)), .number(t(.share))]) { h in
            for l in order {
              h.element("tr") { h in
                h.element("td", locationLabel(l))
                numberCell(&h, total[l] ?? 0)
                h.element("td", ["class": "n"], Format.percent(total[l] ?? 0, all, lang))
              }
            }
            h.element("tr", ["class": "sum"]) { h in
              h.element("td", p(.total))
              numberCell(&h, all)
              h.element("td", "")
            }
          }
        }
      }
      let offices = inRegistryOrder(Set(perOffice.keys))
      h.element("h3", t(.hostingPerOPD))
      h.element("figure") { h in
        h.element("figcaption", t(.hostingPerOPD))
        Chart.bars(
          &h,
          offices.map { o in
            Chart.Bar(label: officeShort(o), parts: order.map { perOffice[o]?[$0] ?? 0 })
          },
          colors: colors, legend: order.map(locationLabel), title: t(.hostingPerOPD), language: lang
        )
      }
      h.table([.text(p(.opd))] + order.map { .number(locationLabel($0)) }) { h in
        for o in offices {
          h.element("tr") { h in
            office(&h, o)
            for l in order { numberCell(&h, perOffice[o]?[l] ?? 0) }
          }
        }
      }
      h.element("h3", t(.outsideHeading))
      let outside = shares.filter { !Self.isGovernment($0.lokasi) && !Self.isUnknown($0.lokasi) }
        .flatMap { s in s.aplikasi.map { (s.lokasi, $0) } }
      if outside.isEmpty {
        empty(&h, .noOutside)
      } else {
        h.element("p", t(.outsideLead, ["n": Format.count(outside.count, lang)]))
        let shown = outside.prefix(Self.listLimit)
        h.table([.text(t(.application)), .text(p(.opd)), .text(t(.location))]) { h in
          for (lokasi, ref) in shown {
            h.element("tr") { h in
              record(&h, ref)
              office(&h, ref.opd)
              h.element("td", locationLabel(lokasi))
            }
          }
        }
        more(&h, shown.count, outside.count)
      }
    }
  }

  static let css: StaticString = """
    nav.toc a.out { margin-left: auto; font-weight: 600; }
    svg text.on { fill: #fff; }
    svg.matrix { max-width: none; }
    .scroll.bare { border: 0; border-radius: 0; }
    figure.wide { margin: 10px 0 16px; }
    .charts + .scroll, figure + .scroll, .charts > div > .scroll { margin-top: 12px; }
    tr.sum td { font-weight: 650; border-top: 2px solid var(--line); }
    ul.plain { list-style: none; margin: 0; padding: 0; } ul.plain li { margin: 0 0 2px; }
    ul.columns { columns: 3 16rem; margin: 6px 0; }
    .note.empty { border-left-color: #8a96a3; background: var(--soft); }
    .card.money .v { color: var(--brand); font-size: 1.4rem; white-space: nowrap; }
    .legend i.sw-used { background: #2e7d4f; } .legend i.sw-none { background: #eef1f4; }
    @media (max-width: 700px) { nav.toc a.out { margin-left: 0; } ul.columns { columns: 1; } }
    @media print {
      svg.matrix { max-width: 100%; } figure.wide { break-inside: auto; }
      .legend i { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section { break-before: auto; } tr.sum td { border-top: 1px solid #000; }
    }
    """
}
