import Standard

extension Consolidate {
  /// `referensi-tidak-ditemukan`: references resolve against all ids of the
  /// OPD (`ids`, rejected rows included), written as the target has them.
  func checkReferences(_ run: inout MergedRun, ids taken: [Scope: Set<String>]) {
    let records = run.records
    func add(_ f: Finding, to i: Int) { run.add(f, to: i) }
    let referenceFields = Dictionary(
      uniqueKeysWithValues: standard.domains.map { d in
        (
          d.key,
          d.fields.compactMap { f -> (key: String, targets: [String])? in
            guard case .reference(let targets) = f.type else { return nil }
            return (f.key, targets)
          }
        )
      })
    for i in records.indices {
      guard let fields = referenceFields[records[i].domain] else { continue }
      let opd = records[i].opd ?? ""
      for (key, targets) in fields {
        guard case .list(let ids)? = records[i].values[key] else { continue }
        var resolved: [String] = []
        for id in ids {
          var hit: String?
          let explicit = id.split(separator: ":", maxSplits: 1).map(String.init)
          for t in targets {
            var want = id
            if targets.count > 1 {
              if explicit.count == 2 {
                guard explicit[0].lowercased() == t else { continue }
                want = explicit[1]
              }
            }
            if taken[Scope(opd: opd, domain: t)]?.contains(want.lowercased()) == true {
              hit = targets.count > 1 ? "\(t):\(want)" : want
              break
            }
          }
          if let hit {
            resolved.append(hit)
          } else {
            resolved.append(id)
            let domains = targets.compactMap { standard.domain($0)?.label }
            add(
              Self.finding(
                .referensiTidakDitemukan, records[i], field: key, value: id,
                params: ["domain": domains.joined(separator: "/")]), to: i)
          }
        }
        records[i].values[key] = .list(resolved)
      }
    }
  }
}
