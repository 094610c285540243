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
