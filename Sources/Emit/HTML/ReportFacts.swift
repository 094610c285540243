import Foundation
import Pipeline
import Standard

/// What the report and the feedback pages both need from a consolidated run:
/// the files of each OPD (those with its rows, and unreadable ones named after
/// it), each OPD's findings and records. Computed once for all pages; the
/// counts per OPD and domain and which OPD a finding is for are the run's own
/// (`Architecture.byOPD`, `Architecture.findingOPDs`).
struct ReportFacts: Sendable {
  let architecture: Architecture
  let standard: Standard
  let language: Language

  /// OPD code → the files it sent (those holding its rows, or named after it).
  var files: [String: [String]] { architecture.byOPD.files }
  /// Finding index → the OPD codes it concerns; empty when its OPD is unknown.
  var findingOPDs: [[String]] { architecture.findingOPDs }
  /// Finding index → the rejected record it belongs to, if any.
  private(set) var findingRecord: [Int?] = []
  /// OPD code (`""`: unknown) → its findings and its records, in run order.
  private(set) var findingsOf: [String: [Int]] = [:]
  private(set) var recordsOf: [String: [Int]] = [:]
  /// OPD code → domain → its files, for the domains it sent in several files.
  let filesPerDomain: [String: [String: [String]]]

  init(_ a: Architecture, standard: Standard, language: Language) {
    architecture = a
    self.standard = standard
    self.language = language
    filesPerDomain = a.filesPerDomain

    findingRecord = Array(repeating: nil, count: a.findings.count)
    // By index: a record taken out of its array is copied.
    let records = a.records
    for i in records.indices {
      recordsOf[records[i].opd ?? "", default: []].append(i)
      for f in records[i].findings where f < findingRecord.count { findingRecord[f] = i }
    }
    for (i, opds) in a.findingOPDs.enumerated() {
      if opds.isEmpty { findingsOf["", default: []].append(i) }
      for o in opds { findingsOf[o, default: []].append(i) }
    }
  }

  /// `pesan` and `saran` of finding `i` in the configured language, rendered
  /// when a page shows it (most findings of a large run are on one page only).
  func rendered(_ i: Int) -> (message: String, fix: String?) {
    Catalog.render(architecture.findings[i], lang: language)
  }

  /// The OPDs that sent something, in registry order.
  var sendingOffices: [OPDRegistry.OPD] {
    standard.opds.offices.filter { files[$0.code] != nil }
  }

  func officeName(_ code: String) -> String {
    standard.opds.office(code: code)?.name ?? code
  }

  func domainLabel(_ key: String) -> String {
    let d = standard.domain(key)
    return (language == .en ? d?.labelEnglish : d?.label) ?? key
  }

  /// `file › sheet › cell` (or row), as people look a finding up.
  func place(_ l: Location, withFile: Bool = true) -> String {
    var parts = withFile ? [l.file] : []
    if let s = l.sheet { parts.append(s) }
    if let c = l.cell {
      parts.append(c)
    } else if let r = l.row {
      parts.append(PageText.rowNumber(language, ["n": String(r)]))
    }
    return parts.joined(separator: " › ")
  }

  /// Findings grouped by type and column, with how many rejected rows each
  /// group alone holds back: fixing the first groups clears the most.
  struct FixGroup {
    var type: FindingType
    var severity: Severity
    var column: String
    var findings: [Int] = []
    var rowsCleared = 0
    var offices: Set<String> = []
  }

  func fixGroups(includeInfo: Bool) -> [FixGroup] {
    var groups: [String: FixGroup] = [:]
    var keyOf: [Int: String] = [:]
    for (i, f) in architecture.findings.enumerated() where includeInfo || f.severity != .info {
      let column = f.columnLabel ?? f.field ?? ""
      let key = "\(f.type.rawValue)|\(f.severity.rawValue)|\(column)"
      keyOf[i] = key
      groups[key, default: FixGroup(type: f.type, severity: f.severity, column: column)]
        .findings.append(i)
      groups[key]!.offices.formUnion(findingOPDs[i])
    }
    for r in architecture.records where r.rejected {
      let keys = Set(
        r.findings.filter { architecture.findings[$0].severity == .kesalahan }.compactMap {
          keyOf[$0]
        })
      if keys.count == 1 { groups[keys.first!]?.rowsCleared += 1 }
    }
    return groups.values.sorted {
      ($1.rowsCleared, $1.findings.count, $1.severity, $0.type.rawValue, $0.column) < (
        $0.rowsCleared, $0.findings.count, $0.severity, $1.type.rawValue, $1.column
      )
    }
  }
}
