import Standard

/// What the accepted records say about the regency (`Analysis`): budget,
/// Aplikasi Umum and classes, migration and consolidation candidates, gaps
/// along the chain, data flows between OPDs and hosting. Fields are looked up
/// by key in the loaded standard, so an analysis whose fields the standard does
/// not have is simply empty. One pass per analysis over the records, with
/// dictionaries: linear in the records but for sorting.
public struct Analyze {
  public let standard: Standard

  public init(standard: Standard) { self.standard = standard }

  /// `records` are all consolidated records, rejected ones included (they
  /// count for the domains an OPD has sent); only accepted ones are analysed.
  public func run(_ records: [Record]) -> Analysis {
    let index = RecordIndex(records, standard: standard)
    guard !index.accepted.isEmpty else { return .empty }
    var analysis = Analysis()
    analysis.anggaran = budget(index)
    let classes = classify(index)
    analysis.kelasAplikasi = classes.kelas.sorted { $0.ref < $1.ref }
    analysis.aplikasiUmum = commonApplications(index, classes)
    analysis.kandidatKonsolidasi = consolidation(index, classes)
    let flows = dataFlows(index)
    analysis.interoperabilitas = flows
    analysis.celah = gaps(index, flows: flows)
    analysis.hosting = hosting(index)
    return analysis
  }
}

/// The accepted records by domain, with what every analysis asks of them.
struct RecordIndex {
  let records: [Record]
  let standard: Standard
  /// Indices of accepted records, in record order.
  let accepted: [Int]
  /// Domain key → indices of its accepted records.
  let byDomain: [String: [Int]]

  init(_ records: [Record], standard: Standard) {
    self.records = records
    self.standard = standard
    var accepted: [Int] = []
    var byDomain: [String: [Int]] = [:]
    for i in records.indices where !records[i].rejected {
      accepted.append(i)
      byDomain[records[i].domain, default: []].append(i)
    }
    self.accepted = accepted
    self.byDomain = byDomain
  }

  func of(_ domain: String) -> [Int] { byDomain[domain] ?? [] }

  func has(_ domain: String, _ field: String) -> Bool {
    standard.domain(domain)?.field(field) != nil
  }

  func ref(_ i: Int) -> RecordRef {
    RecordRef(domain: records[i].domain, opd: records[i].opd ?? "", id: id(i))
  }

  func id(_ i: Int) -> String { records[i].text("id") ?? "" }
  func opd(_ i: Int) -> String { records[i].opd ?? "" }
  func text(_ i: Int, _ key: String) -> String? { records[i].text(key) }

  /// The ids a link field names, lower-cased, with a `domain:` prefix dropped
  /// when it is `target`'s.
  func links(_ i: Int, _ key: String, target: String) -> [String] {
    guard case .list(let ids)? = records[i].values[key] else { return [] }
    return ids.compactMap { id in
      if let colon = id.firstIndex(of: ":") {
        guard id[..<colon].lowercased() == target else { return nil }
        return id[id.index(after: colon)...].lowercased()
      }
      return id.lowercased()
    }
  }

  /// The keys of a domain's amount fields (type `rupiah`).
  func amountFields(_ domain: String) -> [String] {
    standard.domain(domain)?.fields.filter { $0.type == .rupiah }.map(\.key) ?? []
  }

  /// The sum of a record's amounts; nil when none of them is filled in.
  func amount(_ i: Int, _ keys: [String]) -> Int? {
    var amount: Int?
    for key in keys {
      switch records[i].values[key] {
      case .integer(let n)?: amount = (amount ?? 0) + n
      case .number(let v)?: amount = (amount ?? 0) + Int(v.rounded())
      default: break
      }
    }
    return amount
  }

  /// The standard order of a domain key (unknown ones last).
  func domainOrder(_ key: String) -> Int {
    standard.domains.firstIndex { $0.key == key } ?? standard.domains.count
  }
}

/// A record of an OPD by lower-cased id, for following links (ids are unique
/// per OPD and domain, references resolve within the OPD).
struct ScopedID: Hashable {
  var opd: String
  var id: String
}

extension Analyze {
  // MARK: - Anggaran

  func budget(_ x: RecordIndex) -> Analysis.Budget {
    struct Key: Hashable {
      var kunci: String
      var domain: String?
    }
    struct Tally {
      var jumlah = 0
      var tanpaNilai = 0
      var rekaman = 0
      mutating func add(_ amount: Int?) {
        rekaman += 1
        if let amount { jumlah += amount } else { tanpaNilai += 1 }
      }
    }
    var perOPD: [Key: Tally] = [:]
    var perRAA: [String: Tally] = [:]
    var perYear: [String: Tally] = [:]
    var total = 0
    var without = 0
    var costly: [Analysis.Budget.Item] = []
    for d in standard.domains {
      let amounts = x.amountFields(d.key)
      guard !amounts.isEmpty else { continue }
      let year = d.field("tahun_anggaran") != nil ? "tahun_anggaran" : nil
      let isApp = d.key == "aplikasi"
      for i in x.of(d.key) {
        let amount = x.amount(i, amounts)
        if let amount { total += amount } else { without += 1 }
        perOPD[Key(kunci: x.opd(i), domain: d.key), default: Tally()].add(amount)
        if isApp {
          perRAA[Self.raaLevel2(x.text(i, "raa")) ?? "", default: Tally()].add(amount)
          if let amount, amount > 0 {
            costly.append(.init(ref: x.ref(i), nama: x.text(i, "nama") ?? "", jumlah: amount))
          }
        }
        if let year {
          let y: String
          switch x.records[i].values[year] {
          case .integer(let n)?: y = String(n)
          case .text(let s)?: y = s
          default: y = ""
          }
          perYear[y, default: Tally()].add(amount)
        }
      }
    }
    func line(_ kunci: String, _ domain: String?, _ t: Tally) -> Analysis.Budget.Line {
      .init(
        kunci: kunci, domain: domain, jumlah: t.jumlah, tanpaNilai: t.tanpaNilai,
        rekaman: t.rekaman)
    }
    let opdLines = perOPD.sorted {
      ($0.key.kunci, x.domainOrder($0.key.domain ?? "")) < (
        $1.key.kunci, x.domainOrder($1.key.domain ?? "")
      )
    }.map { line($0.key.kunci, $0.key.domain, $0.value) }
    // Records without a code or a year come last.
    func order(_ a: String, _ b: String) -> Bool { a.isEmpty != b.isEmpty ? !a.isEmpty : a < b }
    costly.sort { $0.jumlah != $1.jumlah ? $0.jumlah > $1.jumlah : $0.ref < $1.ref }
    return Analysis.Budget(
      total: total, tanpaNilai: without, perOPD: opdLines,
      perRAA: perRAA.keys.sorted(by: order).map { line($0, "aplikasi", perRAA[$0]!) },
      perTahun: perYear.keys.sorted(by: order).map { line($0, nil, perYear[$0]!) },
      termahal: Array(costly.prefix(10)))
  }

  /// `RAA.01.02.03` → `RAA.01.02`: the national level-2 code a local code sits under.
  static func raaLevel2(_ code: String?) -> String? {
    guard let code, !code.isEmpty else { return nil }
    let parts = code.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count > 3 ? parts.prefix(3).joined(separator: ".") : code
  }
}
