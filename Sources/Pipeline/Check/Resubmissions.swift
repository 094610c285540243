import Foundation
import Standard

/// Re-submissions (SPEC §2): an OPD's old workbook left beside its new one.
/// Of byte-identical files one is read; records of different files of one OPD
/// and domain stay one set, but nothing in it is accepted twice without a
/// warning that names both files.
enum Resubmissions {
  /// ` (1)`, ` - Copy`, ` - Salinan` (each maybe numbered) at the end of a
  /// file's stem, `Copy of ` at its start: how systems name a copy.
  static let copyName = try! NSRegularExpression(
    pattern: #"^copy of |( \(\d+\)| - (copy|salinan)( \(\d+\))?)$"#, options: [.caseInsensitive])

  static func isCopyName(_ path: String) -> Bool {
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return copyName.firstMatch(in: stem, range: NSRange(stem.startIndex..., in: stem)) != nil
  }

  /// Of files with the same SHA-256 whose rows are read for the same OPDs,
  /// the one without a copy's name is read (else the first in path order);
  /// each other one adds nothing but a `berkas-ganda` finding naming the one
  /// read. The same bytes under the names of two OPDs (a CSV whose OPD is its
  /// file name) are two submissions, not a copy.
  static func setAsideIdenticalCopies(_ files: inout [FileResult]) {
    struct Same: Hashable {
      var sha256: String
      var opds: [String?]
    }
    var byHash: [Same: [Int]] = [:]
    for i in files.indices {
      if let h = files[i].source.sha256 {
        byHash[Same(sha256: h, opds: files[i].records.map(\.opd)), default: []].append(i)
      }
    }
    for group in byHash.values where group.count > 1 {
      let kept = group.first { !isCopyName(files[$0].source.path) } ?? group[0]
      for i in group where i != kept {
        files[i].records = []
        files[i].source.tables = []
        files[i].findings = [
          Finding(
            .berkasGanda, at: Location(file: files[i].source.path),
            params: ["berkas_asli": files[kept].source.path])
        ]
      }
    }
  }

  /// Where a record's `field` was read: file › sheet › cell (file › cell for a CSV).
  static func place(_ r: borrowing Record, field: String) -> String {
    let o = r.origin
    let cell = Location(file: o.file, row: o.row, column: r.fieldColumns[field]?.column ?? 1).cell
    return ([o.file] + (o.sheet.map { [$0] } ?? []) + [cell ?? String(o.row)])
      .joined(separator: " › ")
  }

  /// The name a record is known by, normalized (as generated ids take it).
  static func nameKey(_ r: borrowing Record) -> (field: String, key: String)? {
    for field in ["nama", "uraian"] {
      if let name = r.values.text(field) { return (field, MatchKey.of(name)) }
    }
    return nil
  }

  /// A `nama-ganda` finding for every record of a known OPD whose normalized
  /// name repeats one read before from another file of the same OPD and
  /// domain, naming that file › sheet › row. Records in `warned` (an id taken
  /// twice, already naming the other place) get none.
  static func repeatedNames(_ records: UnsafeMutableBufferPointer<Record>, warned: Set<Int>)
    -> [(record: Int, finding: Finding)]
  {
    struct Key: Hashable {
      var opd: String
      var domain: String
      var name: String
    }
    struct FileSet: Hashable {
      var opd: String
      var domain: String
    }
    // Only sets given in several files can repeat a name across files; most
    // runs have none, and their names are then never keyed.
    var fileOf: [FileSet: String] = [:]
    var several = Set<FileSet>()
    for i in records.indices {
      guard let opd = records[i].opd else { continue }
      let set = FileSet(opd: opd, domain: records[i].domain)
      if let f = fileOf[set] {
        if f != records[i].origin.file { several.insert(set) }
      } else {
        fileOf[set] = records[i].origin.file
      }
    }
    var first: [Key: Int] = [:]
    var out: [(Int, Finding)] = []
    guard !several.isEmpty else { return out }
    for i in records.indices {
      guard let opd = records[i].opd,
        several.contains(FileSet(opd: opd, domain: records[i].domain)),
        let (field, name) = nameKey(records[i]), !name.isEmpty
      else { continue }
      let key = Key(opd: opd, domain: records[i].domain, name: name)
      guard let j = first[key] else {
        first[key] = i
        continue
      }
      guard records[j].origin.file != records[i].origin.file, !warned.contains(i) else { continue }
      let o = records[i].origin
      let other = records[j].origin
      let c = records[i].fieldColumns[field]
      out.append(
        (
          i,
          Finding(
            .namaGanda, at: Location(file: o.file, sheet: o.sheet, row: o.row, column: c?.column),
            sheetIndex: o.sheetIndex, column: c?.label, field: field,
            value: records[i].values.text(field),
            params: [
              "lain": ([other.file] + (other.sheet.map { [$0] } ?? []) + [String(other.row)])
                .joined(separator: " › ")
            ])
        ))
    }
    return out
  }
}

extension Architecture {
  /// The OPDs that sent more than one file for a domain: OPD → domain → the
  /// files (sorted), for the summary and the OPD's feedback page.
  public var filesPerDomain: [String: [String: [String]]] {
    var files: [String: [String: Set<String>]] = [:]
    for i in records.indices {
      guard let opd = records[i].opd else { continue }
      files[opd, default: [:]][records[i].domain, default: []].insert(records[i].origin.file)
    }
    return files.compactMapValues { byDomain in
      let several = byDomain.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
      return several.isEmpty ? nil : several
    }
  }
}
