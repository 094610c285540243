import Standard

/// Gaps along the architecture's chain, data flows between OPDs and hosting.
extension Analyze {
  /// `Gap.jenis`, in the order gaps of one OPD are listed.
  public static let gapKinds = [
    "domain-belum-dikirim", "proses-tanpa-layanan", "layanan-tanpa-aplikasi",
    "aplikasi-tanpa-data", "aplikasi-tanpa-infrastruktur", "aplikasi-tanpa-keamanan",
    "data-interoperabel-tidak-dipakai",
  ]

  /// `HostingShare.lokasi`, in the order they are listed: the government's
  /// data centres first.
  public static let hostingPlaces = [
    "pusat-data-nasional", "pusat-data-daerah", "cloud-pemerintah", "cloud-swasta", "server-opd",
    "lainnya", "tidak-diketahui",
  ]

  /// Hosting places outside the government's data centres.
  public static let outsideGovernment: Set<String> = [
    "cloud-swasta", "server-opd", "lainnya", "tidak-diketahui",
  ]

  // MARK: - Interoperabilitas

  /// Data held by one OPD whose `produsen_data` names another OPD (of the
  /// registry): a flow from the producer to the holder. The holder's
  /// applications that link the data use it through the same flow.
  func dataFlows(_ x: RecordIndex) -> [Analysis.DataFlow] {
    guard x.has("data", "produsen_data") else { return [] }
    struct Pair: Hashable {
      var from: String
      var to: String
    }
    var flows: [Pair: [String]] = [:]
    for i in x.of("data") {
      guard let producer = x.text(i, "produsen_data"), let p = standard.opds.match(producer),
        p.code != x.opd(i)
      else { continue }
      flows[Pair(from: p.code, to: x.opd(i)), default: []].append(x.id(i))
    }
    return flows.keys.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map {
      Analysis.DataFlow(dariOPD: $0.from, keOPD: $0.to, data: flows[$0]!.sorted())
    }
  }

  // MARK: - Celah

  func gaps(_ x: RecordIndex, flows: [Analysis.DataFlow]) -> [Analysis.Gap] {
    var gaps: [Analysis.Gap] = []
    func add(_ kind: String, _ i: Int) {
      gaps.append(.init(jenis: kind, opd: x.opd(i), domain: x.records[i].domain, id: x.id(i)))
    }
    // Domains not sent, by the OPDs that sent something (rejected rows count as sent).
    var sent: [String: Set<String>] = [:]
    for r in x.records { if let o = r.opd { sent[o, default: []].insert(r.domain) } }
    for (opd, domains) in sent {
      for d in standard.domains where !domains.contains(d.key) {
        gaps.append(.init(jenis: "domain-belum-dikirim", opd: opd, domain: d.key, id: nil))
      }
    }
    /// The records of `domain` that records of `from` link to through `field`.
    func linked(from: String, field: String, to domain: String) -> Set<ScopedID> {
      var out = Set<ScopedID>()
      guard x.has(from, field) else { return out }
      for i in x.of(from) {
        for id in x.links(i, field, target: domain) { out.insert(ScopedID(opd: x.opd(i), id: id)) }
      }
      return out
    }
    func scoped(_ i: Int) -> ScopedID { ScopedID(opd: x.opd(i), id: x.id(i).lowercased()) }
    // A record's missing link towards a domain its OPD has not sent at all is
    // that domain's one `domain-belum-dikirim`, not a gap per record.
    func sends(_ i: Int, _ domain: String) -> Bool { sent[x.opd(i)]?.contains(domain) == true }

    if x.has("layanan", "proses_bisnis") {
      let used = linked(from: "layanan", field: "proses_bisnis", to: "proses_bisnis")
      for i in x.of("proses_bisnis") where sends(i, "layanan") && !used.contains(scoped(i)) {
        add("proses-tanpa-layanan", i)
      }
    }
    if x.has("aplikasi", "layanan") {
      let used = linked(from: "aplikasi", field: "layanan", to: "layanan")
      for i in x.of("layanan") where sends(i, "aplikasi") && !used.contains(scoped(i)) {
        add("layanan-tanpa-aplikasi", i)
      }
    }
    if x.has("aplikasi", "data") {
      for i in x.of("aplikasi") where sends(i, "data") && x.links(i, "data", target: "data").isEmpty
      {
        add("aplikasi-tanpa-data", i)
      }
    }
    let hosted = linked(from: "infrastruktur", field: "aplikasi", to: "aplikasi")
    if x.has("infrastruktur", "aplikasi") || x.has("aplikasi", "lokasi_hosting") {
      for i in x.of("aplikasi")
      where sends(i, "infrastruktur") && x.text(i, "lokasi_hosting") == nil
        && !hosted.contains(scoped(i))
      {
        add("aplikasi-tanpa-infrastruktur", i)
      }
    }
    if x.has("keamanan", "objek_terkait") {
      let secured = linked(from: "keamanan", field: "objek_terkait", to: "aplikasi")
      for i in x.of("aplikasi") where sends(i, "keamanan") && !secured.contains(scoped(i)) {
        add("aplikasi-tanpa-keamanan", i)
      }
    }
    if x.has("data", "interoperabilitas") {
      // Interoperable data is used when another OPD holds data of the same
      // name that it says this OPD produces (a flow from it).
      var received = Set<ScopedID>()
      let flowing = Set(flows.flatMap { f in f.data.map { ScopedID(opd: f.keOPD, id: $0) } })
      for i in x.of("data") where flowing.contains(ScopedID(opd: x.opd(i), id: x.id(i))) {
        if let p = x.text(i, "produsen_data").flatMap({ standard.opds.match($0) }) {
          received.insert(ScopedID(opd: p.code, id: MatchKey.of(x.text(i, "nama") ?? "")))
        }
      }
      for i in x.of("data") where x.text(i, "interoperabilitas") == "Ya" {
        if !received.contains(ScopedID(opd: x.opd(i), id: MatchKey.of(x.text(i, "nama") ?? ""))) {
          add("data-interoperabel-tidak-dipakai", i)
        }
      }
    }
    let kind = Dictionary(uniqueKeysWithValues: Self.gapKinds.enumerated().map { ($1, $0) })
    return gaps.sorted {
      (
        $0.opd, kind[$0.jenis] ?? kind.count, x.domainOrder($0.domain), $0.id ?? ""
      ) < ($1.opd, kind[$1.jenis] ?? kind.count, x.domainOrder($1.domain), $1.id ?? "")
    }
  }

  // MARK: - Hosting

  /// Where each application runs: its `lokasi_hosting`, else what the
  /// infrastructure that links it says (its name, location and owner:
  /// `PDN`/`Pusat Data Nasional`, `Pusat Data`/`Data Center`, `cloud`
  /// (government when it says `pemerintah`/`government`/`SPBE`), else a server
  /// of the OPD), else `tidak-diketahui`.
  func hosting(_ x: RecordIndex) -> [Analysis.HostingShare] {
    var infra: [ScopedID: Int] = [:]
    if x.has("infrastruktur", "aplikasi") {
      for i in x.of("infrastruktur") {
        for id in x.links(i, "aplikasi", target: "aplikasi") {
          let key = ScopedID(opd: x.opd(i), id: id)
          if infra[key] == nil { infra[key] = i }
        }
      }
    }
    struct Key: Hashable {
      var place: String
      var opd: String
    }
    var shares: [Key: [RecordRef]] = [:]
    for i in x.of("aplikasi") {
      var place = "tidak-diketahui"
      if let code = x.text(i, "lokasi_hosting") {
        place = Self.hostingPlace(code)
      } else if let k = infra[ScopedID(opd: x.opd(i), id: x.id(i).lowercased())] {
        place = Self.hostingPlace(infrastructure: x, k)
      }
      shares[Key(place: place, opd: x.opd(i)), default: []].append(x.ref(i))
    }
    let order = Dictionary(uniqueKeysWithValues: Self.hostingPlaces.enumerated().map { ($1, $0) })
    return shares.keys.sorted {
      (order[$0.place] ?? order.count, $0.place, $0.opd) < (
        order[$1.place] ?? order.count, $1.place, $1.opd
      )
    }.map { k in
      let refs = shares[k]!.sorted()
      return Analysis.HostingShare(lokasi: k.place, opd: k.opd, jumlah: refs.count, aplikasi: refs)
    }
  }

  /// A `lokasi_hosting` value (its code in `enumerasi.csv`) as a place.
  static func hostingPlace(_ code: String) -> String {
    switch MatchKey.of(code) {
    case "pusatdatanasional": return "pusat-data-nasional"
    case "pusatdatadaerah": return "pusat-data-daerah"
    case "cloudpemerintah": return "cloud-pemerintah"
    case "cloudswasta": return "cloud-swasta"
    case "serverlokalopd": return "server-opd"
    case "lainnya": return "lainnya"
    default:
      // A value a later list adds: its code in lower case, words joined by hyphens.
      return Words.of(code).joined(separator: "-")
    }
  }

  static func hostingPlace(infrastructure x: RecordIndex, _ i: Int) -> String {
    let words =
      Words.of(x.text(i, "nama")) + [""] + Words.of(x.text(i, "lokasi")) + [""]
      + Words.of(x.text(i, "nama_pemilik")) + [""] + Words.of(x.text(i, "jenis"))
    func has(_ phrase: String) -> Bool { MatchKey.containsWords(words, Words.of(phrase)) }
    if has("pdn") || has("pusat data nasional") { return "pusat-data-nasional" }
    if has("cloud") || has("komputasi awan") {
      return has("pemerintah") || has("government") || has("spbe")
        ? "cloud-pemerintah" : "cloud-swasta"
    }
    if has("pusat data") || has("data center") || has("pdd") { return "pusat-data-daerah" }
    return "server-opd"
  }
}
