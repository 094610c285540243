import Foundation
import Standard

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
      // A workbook with no rows of a known OPD (a blank one) is the OPD's its
      // Identitas sheet names, else the one its file name tells.
      if let code = s.identityOPD ?? opds?.match(fileStem: stem)?.code {
        files[code, default: []].insert(s.path)
        namedOwner[s.path] = code
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
