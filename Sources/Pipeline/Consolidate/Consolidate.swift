import Standard

/// Consolidation across files and OPDs: ids (unique per OPD and domain, assigned
/// when empty), references, applications reported by several OPDs, and the
/// final accounting per table.
public struct Consolidate {
  public let standard: Standard

  public init(standard: Standard) { self.standard = standard }

  /// Ids are unique within one OPD and domain.
  struct Scope: Hashable {
    var opd: String
    var domain: String
  }

  /// Merge → checks across files → rejection → ordering → accounting.
  /// `skipped` are the findings of entries under the inputs that were not read.
  public func run(_ files: consuming [FileResult], skipped: [Finding] = []) -> Architecture {
    var (records, findings) = Self.merge(&files, skipped: skipped)
    records.withUnsafeMutableBufferPointer { buffer in
      var merged = MergedRun(records: buffer, findings: [])
      swap(&merged.findings, &findings)
      let ids = checkIds(&merged)
      checkReferences(&merged, ids: ids)
      checkCrossOPD(&merged)
      Self.reject(merged)
      swap(&merged.findings, &findings)
    }
    Self.orderFindings(&findings, records: &records)
    Self.orderRecords(&records)
    let sources = Self.account(files.map(\.source), records: records)
    let analysis = Analyze(standard: standard).run(records)
    return Architecture(
      sources: sources, records: records, findings: findings, opds: standard.opds,
      analysis: analysis)
  }

  /// A record with a `kesalahan` is rejected.
  static func reject(_ run: MergedRun) {
    let records = run.records
    let findings = run.findings
    for i in records.indices {
      records[i].rejected = records[i].findings.contains { findings[$0].severity == .kesalahan }
      // The raw cells were kept for `ditolak` in case an id taken twice
      // rejected the row here; an accepted record no longer needs them.
      if !records[i].rejected { records[i].raw.removeAll() }
    }
  }

  /// Findings in file, sheet, row and column order; records keep pointing at theirs.
  static func orderFindings(_ findings: inout [Finding], records: inout [Record]) {
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
  }

  static func orderRecords(_ records: inout [Record]) {
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

  }

  /// The accounting of each table.
  static func account(_ sources: [SourceFile], records: [Record]) -> [SourceFile] {
    var sources = sources
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
    return sources
  }

  /// A finding about one field of a record, at the cell it was read from.
  static func finding(
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

extension Consolidate {
  /// The records and findings of the per-file stages in one list, each record
  /// still pointing at its own findings.
  /// Each file's lists are taken out of `files` as they are merged, so a run's
  /// records and findings are held once, not twice.
  /// `skipped` are the findings of entries that were never read, placed first.
  static func merge(_ files: inout [FileResult], skipped: [Finding])
    -> (records: [Record], findings: [Finding])
  {
    var findings = skipped
    var records: [Record] = []
    for k in files.indices {
      let offset = findings.count
      var fileRecords: [Record] = []
      swap(&fileRecords, &files[k].records)
      if offset > 0 {
        for j in fileRecords.indices {
          for f in fileRecords[j].findings.indices { fileRecords[j].findings[f] += offset }
        }
      }
      if records.isEmpty { records = fileRecords } else { records += fileRecords }
      fileRecords = []
      var fileFindings: [Finding] = []
      swap(&fileFindings, &files[k].findings)
      if findings.isEmpty { findings = fileFindings } else { findings += fileFindings }
    }
    return (records, findings)
  }

  /// The per-file results without the checks across files (for runs that stop
  /// at `validate`).
  static func withoutConsolidation(_ files: consuming [FileResult], skipped: [Finding])
    -> Architecture
  {
    let (records, findings) = merge(&files, skipped: skipped)
    return Architecture(sources: files.map(\.source), records: records, findings: findings)
  }
}

/// The merged records, reached in place through the buffer (`records[i].x` on
/// the array copied the whole `Record`, its arrays and strings retained, for
/// every access: a tenth of a large run), and the run's findings, which the
/// checks across files add to.
struct MergedRun {
  let records: UnsafeMutableBufferPointer<Record>
  var findings: [Finding]

  mutating func add(_ f: Finding, to i: Int) {
    records[i].findings.append(findings.count)
    findings.append(f)
  }
}
