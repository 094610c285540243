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
      // The other OPDs, all of them, once per OPD of the group (not per record);
      // the catalog decides how many a message names.
      let named = opds.compactMap { code in officeName[code].map { (code, $0) } }
      var othersOf: [String: [String]] = [:]
      for i in group {
        let opd = records[i].opd ?? ""
        let others = othersOf[opd] ?? named.filter { $0.0 != opd }.map(\.1)
        othersOf[opd] = others
        var f = Self.finding(
          .duplikatLintasOpd, records[i], field: "nama", value: records[i].values.text("nama"))
        f.otherOPDs = others
        add(f, to: i)
      }
    }
  }
}
