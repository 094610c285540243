import Crypto
import Foundation
import Standard

/// The consolidated architecture: every record (accepted and rejected), every
/// finding in file, sheet and row order, and the accounting of every input.
public struct Architecture: Sendable {
  public var sources: [SourceFile]
  public var records: [Record]
  public var findings: [Finding]

  public var accepted: [Record] { records.filter { !$0.rejected } }
  public var rejected: [Record] { records.filter(\.rejected) }
}

/// Consolidation across files and OPDs: ids (unique per OPD and domain, assigned
/// when empty), references, applications reported by several OPDs, and the
/// final accounting per table.
public struct Consolidate {
  public let standard: Standard

  public init(standard: Standard) { self.standard = standard }

  public func run(_ files: consuming [FileResult]) -> Architecture {
    var (records, findings) = Self.merge(&files)
    func add(_ f: Finding, to i: Int) {
      records[i].findings.append(findings.count)
      findings.append(f)
    }
    func cellOf(_ r: Record, _ field: String) -> Location {
      let c = r.fieldColumns[field]
      return Location(
        file: r.origin.file, sheet: r.origin.sheet, row: r.origin.row, column: c?.column)
    }

    // Ids: the later rows with a taken id are rejected; empty ids are assigned.
    var taken: [String: Set<String>] = [:]
    for i in records.indices {
      guard let id = records[i].text("id") else { continue }
      let scope = "\(records[i].opd ?? "")|\(records[i].domain)"
      if !taken[scope, default: []].insert(id.lowercased()).inserted {
        let r = records[i]
        add(
          Finding(
            .idGanda, at: cellOf(r, "id"), sheetIndex: r.origin.sheetIndex,
            column: r.fieldColumns["id"]?.label, field: "id", value: id), to: i)
      }
    }
    for i in records.indices where records[i].values["id"] == nil {
      let r = records[i]
      let scope = "\(r.opd ?? "")|\(r.domain)"
      let prefix = standard.domain(r.domain)?.idPrefix ?? "ID"
      let name = r.text("nama") ?? r.text("uraian") ?? ""
      let digest = SHA256.hash(data: Data("\(r.opd ?? "")\n\(r.domain)\n\(MatchKey.of(name))".utf8))
      let hex = digest.prefix(4).map { String(format: "%02x", $0) }.joined()
      var id = "\(prefix)-\(hex)"
      var n = 2
      while taken[scope, default: []].contains(id.lowercased()) {
        id = "\(prefix)-\(hex)-\(n)"
        n += 1
      }
      taken[scope, default: []].insert(id.lowercased())
      records[i].values["id"] = .text(id)
      add(
        Finding(
          .idDibuat, at: cellOf(r, "id"), sheetIndex: r.origin.sheetIndex,
          column: r.fieldColumns["id"]?.label, field: "id", params: ["id": id]), to: i)
    }

    // References resolve against all ids of the OPD, rejected rows included.
    for i in records.indices {
      let r = records[i]
      guard let domain = standard.domain(r.domain) else { continue }
      for field in domain.fields {
        guard case .reference(let targets) = field.type, case .list(let ids)? = r.values[field.key]
        else { continue }
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
            if taken["\(r.opd ?? "")|\(t)"]?.contains(want.lowercased()) == true {
              hit = targets.count > 1 ? "\(t):\(want)" : want
              break
            }
          }
          if let hit {
            resolved.append(hit)
          } else {
            resolved.append(id)
            add(
              Finding(
                .referensiTidakDitemukan, at: cellOf(r, field.key), sheetIndex: r.origin.sheetIndex,
                column: r.fieldColumns[field.key]?.label, field: field.key, value: id,
                params: [
                  "domain": targets.compactMap { standard.domain($0)?.label }.joined(separator: "/")
                ]),
              to: i)
          }
        }
        records[i].values[field.key] = .list(resolved)
      }
    }

    // The same application reported by several OPDs.
    var byName: [String: [Int]] = [:]
    for i in records.indices where records[i].domain == "aplikasi" && records[i].opd != nil {
      if let name = records[i].text("nama") { byName[MatchKey.of(name), default: []].append(i) }
    }
    let officeName = Dictionary(
      standard.opds.offices.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    for (_, group) in byName.sorted(by: { $0.key < $1.key }) {
      let opds = Set(group.compactMap { records[$0].opd }).sorted()
      guard opds.count > 1 else { continue }
      // The other OPDs, once per OPD of the group (not per record). The message
      // names the first few; `jumlah_opd_lain` keeps how many there are.
      var othersOf: [String: [String: String]] = [:]
      for i in group {
        let r = records[i]
        let opd = r.opd ?? ""
        let params =
          othersOf[opd]
          ?? {
            let others = opds.filter { $0 != r.opd }.compactMap { officeName[$0] }
            return [
              "opd_lain": others.prefix(Catalog.namedOthers).joined(separator: ", "),
              "jumlah_opd_lain": String(others.count),
            ]
          }()
        othersOf[opd] = params
        add(
          Finding(
            .duplikatLintasOpd, at: cellOf(r, "nama"), sheetIndex: r.origin.sheetIndex,
            column: r.fieldColumns["nama"]?.label, field: "nama", value: r.text("nama"),
            params: params), to: i)
      }
    }

    for i in records.indices {
      records[i].rejected = records[i].findings.contains { findings[$0].severity == .kesalahan }
    }

    // Findings in file, sheet, row and column order; records keep pointing at theirs.
    let order = findings.indices.sorted { a, b in
      let x = findings[a].location
      let y = findings[b].location
      if x.file != y.file { return x.file < y.file }
      if findings[a].sheetIndex != findings[b].sheetIndex {
        return findings[a].sheetIndex < findings[b].sheetIndex
      }
      if (x.row ?? 0) != (y.row ?? 0) { return (x.row ?? 0) < (y.row ?? 0) }
      if (x.column ?? 0) != (y.column ?? 0) { return (x.column ?? 0) < (y.column ?? 0) }
      return a < b
    }
    var newIndex = [Int](repeating: 0, count: findings.count)
    for (n, old) in order.enumerated() { newIndex[old] = n }
    let sortedFindings = order.map { findings[$0] }
    for i in records.indices {
      records[i].findings = Array(Set(records[i].findings.map { newIndex[$0] })).sorted()
    }
    records.sort {
      ($0.origin.file, $0.origin.sheetIndex, $0.origin.row) < (
        $1.origin.file, $1.origin.sheetIndex, $1.origin.row
      )
    }

    // The accounting of each table.
    var sources = files.map(\.source)
    var tally: [String: (Int, Int)] = [:]
    for r in records {
      let key = "\(r.origin.file)|\(r.origin.sheetIndex)"
      var t = tally[key] ?? (0, 0)
      if r.rejected { t.1 += 1 } else { t.0 += 1 }
      tally[key] = t
    }
    for s in sources.indices {
      for t in sources[s].tables.indices {
        let (a, rj) = tally["\(sources[s].path)|\(sources[s].tables[t].sheetIndex)"] ?? (0, 0)
        sources[s].tables[t].accepted = a
        sources[s].tables[t].rejected = rj
      }
    }
    return Architecture(sources: sources, records: records, findings: sortedFindings)
  }
}
