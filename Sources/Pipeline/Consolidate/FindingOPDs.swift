extension Architecture {
  /// Whose a finding is, as far as its records tell.
  private enum Owner {
    /// No record points at it: a finding about a file, sheet or column.
    case none
    /// A record's, whose OPD may be unknown.
    case record(opd: String?)
  }

  /// Finding index → the OPD codes it is for (the feedback pages): the OPD of
  /// the record it belongs to; a finding about a file, sheet or column goes to
  /// every OPD with rows in that sheet (or file), a file with no such rows to
  /// the OPD its name tells (`namedOwner`); empty when its OPD is unknown.
  static func findingOPDs(
    records: [Record], findings: [Finding], namedOwner: [String: String]
  ) -> [[String]] {
    var byFile: [String: Set<String>] = [:]
    var bySheet: [String: Set<String>] = [:]
    var owner = [Owner](repeating: .none, count: findings.count)
    // By index: a record or finding taken out of its array is copied.
    for i in records.indices {
      for f in records[i].findings where f < owner.count {
        owner[f] = .record(opd: records[i].opd)
      }
      guard let o = records[i].opd else { continue }
      let origin = records[i].origin
      byFile[origin.file, default: []].insert(o)
      bySheet["\(origin.file)|\(origin.sheetIndex)", default: []].insert(o)
    }
    // A file without rows of a known OPD (unreadable, no table) belongs to the
    // OPD its name tells, as extraction would have read it.
    for (file, code) in namedOwner { byFile[file] = [code] }
    return findings.indices.map { i in
      if case .record(let opd) = owner[i] { return opd.map { [$0] } ?? [] }
      // About a file, sheet or column: every OPD with rows there.
      let at = findings[i].location
      let sheet = at.sheet == nil ? nil : bySheet["\(at.file)|\(findings[i].sheetIndex)"]
      return (sheet ?? byFile[at.file] ?? []).sorted()
    }
  }
}
