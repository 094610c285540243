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
