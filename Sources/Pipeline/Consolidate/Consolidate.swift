import Crypto
import Foundation
import Standard

/// The consolidated architecture: every record (accepted and rejected), every
/// finding in file, sheet and row order, and the accounting of every input.
public struct Architecture: Sendable {
  // Constants: the counts below are derived from them once.
  public let sources: [SourceFile]
  public let records: [Record]
  public let findings: [Finding]
  /// What each OPD contributed, counted once for every output.
  public let byOPD: OPDTally
  /// Findings per type and level, counted once for every output.
  public let findingCounts: FindingTally

  /// `opds` names the OPD of a file without rows of a known OPD (see `OPDTally`).
  public init(
    sources: [SourceFile], records: [Record], findings: [Finding], opds: OPDRegistry? = nil
  ) {
    self.sources = sources
    self.records = records
    self.findings = findings
    byOPD = OPDTally(records, sources: sources, opds: opds)
    findingCounts = FindingTally(findings)
  }

  public var accepted: [Record] { records.filter { !$0.rejected } }
  public var rejected: [Record] { records.filter(\.rejected) }
}

/// Findings per type and per level: the JSON's `ringkasan`, the workbook's
/// Ringkasan, the report and the terminal summary read these.
public struct FindingTally: Sendable {
  public private(set) var byLevel: [Severity: Int] = [:]
  public private(set) var byType: [FindingType: [Severity: Int]] = [:]

  init(_ findings: [Finding]) {
    for i in findings.indices {
      byLevel[findings[i].severity, default: 0] += 1
      byType[findings[i].type, default: [:]][findings[i].severity, default: 0] += 1
    }
  }

  public func count(_ level: Severity) -> Int { byLevel[level] ?? 0 }
  public func count(_ type: FindingType) -> Int { byType[type]?.values.reduce(0, +) ?? 0 }
}

/// Accepted and rejected records per OPD and domain, and the files each OPD
/// sent: the JSON's `opd[]` and `opd_tanpa_kiriman`, the workbook's Ringkasan,
/// the report's heat map and the feedback pages all read these.
public struct OPDTally: Sendable {
  public struct Count: Sendable, Equatable {
    public var accepted = 0
    public var rejected = 0
  }

  /// OPD code → domain key → count.
  private var counts: [String: [String: Count]] = [:]
  /// OPD code → its files, sorted: those holding its rows, and a file without
  /// rows of a known OPD (unreadable, no table) named after it, as extraction
  /// would have read it. An OPD without files sent nothing.
  public private(set) var files: [String: [String]] = [:]
  /// File → the OPD its name tells, for the files without rows of a known OPD.
  public private(set) var namedOwner: [String: String] = [:]

  init(_ records: [Record], sources: [SourceFile], opds: OPDRegistry?) {
    var files: [String: Set<String>] = [:]
    var withRows = Set<String>()
    for i in records.indices {
      guard let o = records[i].opd else { continue }
      files[o, default: []].insert(records[i].origin.file)
      withRows.insert(records[i].origin.file)
      if records[i].rejected {
        counts[o, default: [:]][records[i].domain, default: Count()].rejected += 1
      } else {
        counts[o, default: [:]][records[i].domain, default: Count()].accepted += 1
      }
    }
    for s in sources where !withRows.contains(s.path) {
      let stem = ((s.path as NSString).lastPathComponent as NSString).deletingPathExtension
      if let o = opds?.match(fileStem: stem) {
        files[o.code, default: []].insert(s.path)
        namedOwner[s.path] = o.code
      }
    }
    self.files = files.mapValues { $0.sorted() }
  }

  public func count(_ opd: String, _ domain: String) -> Count { counts[opd]?[domain] ?? Count() }

  /// Records of `opd`, all domains.
  public func total(_ opd: String) -> Count {
    (counts[opd] ?? [:]).values.reduce(into: Count()) {
      $0.accepted += $1.accepted
      $0.rejected += $1.rejected
    }
  }
}

/// Consolidation across files and OPDs: ids (unique per OPD and domain, assigned
/// when empty), references, applications reported by several OPDs, and the
/// final accounting per table.
public struct Consolidate {
  public let standard: Standard

  public init(standard: Standard) { self.standard = standard }

  /// Ids are unique within one OPD and domain.
  private struct Scope: Hashable {
    var opd: String
    var domain: String
  }

  /// `skipped` are the findings of entries under the inputs that were not read.
  public func run(_ files: consuming [FileResult], skipped: [Finding] = []) -> Architecture {
    var (records, findings) = Self.merge(&files, skipped: skipped)
    // Records are reached in place through the buffer: `records[i].x` on the
    // array copied the whole `Record` (its arrays and strings retained) for
    // every access, a tenth of a large run.
    func scope(_ r: borrowing Record) -> Scope { Scope(opd: r.opd ?? "", domain: r.domain) }
    records.withUnsafeMutableBufferPointer { records in
      func add(_ f: Finding, to i: Int) {
        records[i].findings.append(findings.count)
        findings.append(f)
      }
      // Ids: the later rows with a taken id are rejected; empty ids are assigned.
      var taken: [Scope: Set<String>] = [:]
      var firstOfID: [Scope: [String: Int]] = [:]
      var idTakenTwice = Set<Int>()
      for i in records.indices {
        guard let id = records[i].values.text("id") else { continue }
        if !taken[scope(records[i]), default: []].insert(id.lowercased()).inserted {
          let first = Resubmissions.place(
            records[firstOfID[scope(records[i])]?[id.lowercased()] ?? i], field: "id")
          add(
            Self.finding(.idGanda, records[i], field: "id", value: id, params: ["pertama": first]),
            to: i)
          idTakenTwice.insert(i)
        } else {
          firstOfID[scope(records[i]), default: [:]][id.lowercased()] = i
        }
      }
      for (i, f) in Resubmissions.repeatedNames(records, warned: idTakenTwice) { add(f, to: i) }
      for i in records.indices where records[i].values["id"] == nil {
        let key = scope(records[i])
        let prefix = standard.domain(key.domain)?.idPrefix ?? "ID"
        let name = records[i].values.text("nama") ?? records[i].values.text("uraian") ?? ""
        let digest = SHA256.hash(data: Data("\(key.opd)\n\(key.domain)\n\(MatchKey.of(name))".utf8))
        let hex = digest.prefix(4).map { String(format: "%02x", $0) }.joined()
        var id = "\(prefix)-\(hex)"
        var n = 2
        while taken[key, default: []].contains(id.lowercased()) {
          id = "\(prefix)-\(hex)-\(n)"
          n += 1
        }
        taken[key, default: []].insert(id.lowercased())
        records[i].values["id"] = .text(id)
        add(
          Self.finding(.idDibuat, records[i], field: "id", params: ["id": id]), to: i)
      }

      // References resolve against all ids of the OPD, rejected rows included.
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

      // The same application reported by several OPDs.
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

      for i in records.indices {
        records[i].rejected = records[i].findings.contains { findings[$0].severity == .kesalahan }
        // The raw cells were kept for `ditolak` in case an id taken twice
        // rejected the row here; an accepted record no longer needs them.
        if !records[i].rejected { records[i].raw.removeAll() }
      }
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
    Self.permute(&findings, to: order)
    let sortedFindings = findings
    findings = []
    for i in records.indices {
      for k in records[i].findings.indices {
        records[i].findings[k] = newIndex[records[i].findings[k]]
      }
      if records[i].findings.count > 1 {
        records[i].findings.sort()
        // A finding shared by a table's rows is listed once per record.
        var last = -1
        records[i].findings.removeAll { f in
          defer { last = f }
          return f == last
        }
      }
    }
    // Merged in file order, tables in sheet order and rows in row order, the
    // records are nearly always sorted already; sorting checks first.
    func before(_ a: Origin, _ b: Origin) -> Bool {
      (a.file, a.sheetIndex, a.row) < (b.file, b.sheetIndex, b.row)
    }
    var sorted = true
    for i in records.indices.dropFirst() where before(records[i].origin, records[i - 1].origin) {
      sorted = false
      break
    }
    if !sorted { records.sort { before($0.origin, $1.origin) } }

    // The accounting of each table.
    var sources = files.map(\.source)
    struct Table: Hashable {
      var file: String
      var sheetIndex: Int
    }
    var tally: [Table: (accepted: Int, rejected: Int)] = [:]
    for i in records.indices {
      let key = Table(file: records[i].origin.file, sheetIndex: records[i].origin.sheetIndex)
      if records[i].rejected {
        tally[key, default: (0, 0)].rejected += 1
      } else {
        tally[key, default: (0, 0)].accepted += 1
      }
    }
    for s in sources.indices {
      for t in sources[s].tables.indices {
        let key = Table(file: sources[s].path, sheetIndex: sources[s].tables[t].sheetIndex)
        let (a, rj) = tally[key] ?? (0, 0)
        sources[s].tables[t].accepted = a
        sources[s].tables[t].rejected = rj
      }
    }
    return Architecture(
      sources: sources, records: records, findings: sortedFindings, opds: standard.opds)
  }

  /// A finding about one field of a record, at the cell it was read from.
  private static func finding(
    _ type: FindingType, _ r: borrowing Record, field: String, value: String? = nil,
    params: [String: String] = [:]
  ) -> Finding {
    let c = r.fieldColumns[field]
    let o = r.origin
    return Finding(
      type, at: Location(file: o.file, sheet: o.sheet, row: o.row, column: c?.column),
      sheetIndex: o.sheetIndex, column: c?.label, field: field, value: value, params: params)
  }

  /// Puts `items` into the order `order` gives (`order[n]` is the index of the
  /// item that goes to position n), in place: the run's findings are not held twice.
  static func permute<T>(_ items: inout [T], to order: [Int]) {
    var placed = [Bool](repeating: false, count: items.count)
    for start in items.indices where !placed[start] {
      // Follow the cycle: position n takes the item from order[n]; the item at
      // the start is held aside until the cycle comes back to it.
      let first = items[start]
      var n = start
      while true {
        placed[n] = true
        let from = order[n]
        if from == start {
          items[n] = first
          break
        }
        items[n] = items[from]
        n = from
      }
    }
  }
}
