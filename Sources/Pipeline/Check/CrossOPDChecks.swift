import Standard

extension Consolidate {
  /// `duplikat-lintas-opd`: the same application reported by several OPDs.
  func checkCrossOPD(_ run: inout MergedRun) {
    let records = run.records
    func add(_ f: Finding, to i: Int) { run.add(f, to: i) }
    var byName: [String: [Int]] = [:]
    for i in records.indices where records[i].domain == "aplikasi" && records[i].opd != nil {
      if let name = records[i].values.text("nama") {
        byName[MatchKey.of(name), default: []].append(i)
      }
    }
    let officeName = Dictionary(
      standard.opds.offices.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    for (_, group) in byName.sorted(by: { $0.key < $1.key }) {
      var opdSet = Set<String>()
      for i in group { if let o = records[i].opd { opdSet.insert(o) } }
      let opds = opdSet.sorted()
      guard opds.count > 1 else { continue }
      // The other OPDs, once per OPD of the group (not per record). The message
      // names the first few; `jumlah_opd_lain` keeps how many there are.
      let named = opds.map { ($0, officeName[$0]) }
      var othersOf: [String: [String: String]] = [:]
      for i in group {
        let opd = records[i].opd ?? ""
        let params =
          othersOf[opd]
          ?? {
            var first: [String] = []
            var count = 0
            for (code, name) in named where code != opd {
              guard let name else { continue }
              count += 1
              if first.count < Catalog.namedOthers { first.append(name) }
            }
            return [
              "opd_lain": first.joined(separator: ", "), "jumlah_opd_lain": String(count),
            ]
          }()
        othersOf[opd] = params
        add(
          Self.finding(
            .duplikatLintasOpd, records[i], field: "nama", value: records[i].values.text("nama"),
            params: params), to: i)
      }
    }
  }
}
