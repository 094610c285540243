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
  /// Finding index → the OPD codes it is for (see `findingOPDs(records:findings:namedOwner:)`),
  /// decided once for every output.
  public let findingOPDs: [[String]]
  /// What the accepted records say about the regency (`Analyze`); `.empty`
  /// until consolidation computes it.
  public let analysis: Analysis

  /// `opds` names the OPD of a file without rows of a known OPD (see `OPDTally`).
  public init(
    sources: [SourceFile], records: [Record], findings: [Finding], opds: OPDRegistry? = nil,
    analysis: Analysis = .empty
  ) {
    self.analysis = analysis
    self.sources = sources
    self.records = records
    self.findings = findings
    byOPD = OPDTally(records, sources: sources, opds: opds)
    findingCounts = FindingTally(findings)
    findingOPDs = Self.findingOPDs(
      records: records, findings: findings, namedOwner: byOPD.namedOwner)
  }

  public var accepted: [Record] { records.filter { !$0.rejected } }
  public var rejected: [Record] { records.filter(\.rejected) }
}
