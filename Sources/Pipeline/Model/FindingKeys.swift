import Crypto

extension Architecture {
  /// Finding index → its `kunci`: the same problem in the same place has the
  /// same key in every round, whatever its position among the findings.
  ///
  /// The key is the first 12 hexadecimal digits of the SHA-256 of, joined by
  /// U+001F: the finding's `jenis`; the OPDs it is for (`findingOPDs`); the
  /// domain (its record's, else the finding's `domain` parameter); the place:
  /// `id:` and the record's id when the finding is about a record that has an
  /// id, else `file›sheet›cell` (the column label when there is no cell); and
  /// the field. The row number is not part of a record's key, so deleting a
  /// row above does not change the keys below it. Identical keys in one run
  /// (two findings of one type on one field of one record) get `-2`, `-3`, …
  /// in finding order.
  public func findingKeys() -> [String] {
    var record = [Int](repeating: -1, count: findings.count)
    for i in records.indices {
      for f in records[i].findings where f < record.count && record[f] < 0 { record[f] = i }
    }
    var seen: [String: Int] = [:]
    return findings.indices.map { i in
      let f = findings[i]
      let r = record[i] >= 0 ? record[i] : nil
      let domain = r.map { records[$0].domain } ?? f.params["domain"] ?? ""
      let id = r.flatMap { records[$0].text("id") }
      let place: String
      if let id, !id.isEmpty {
        place = "id:" + id
      } else {
        let at = f.location
        place = [at.file, at.sheet ?? "", at.cell ?? f.columnLabel ?? ""].joined(separator: "›")
      }
      let material = [
        f.type.rawValue, findingOPDs[i].joined(separator: ","), domain, place, f.field ?? "",
      ].joined(separator: "\u{1F}")
      let key = String(SHA256.hash(data: Array(material.utf8)).hex.prefix(12))
      let n = (seen[key] ?? 0) + 1
      seen[key] = n
      return n == 1 ? key : "\(key)-\(n)"
    }
  }

  /// The `opd` of finding `index` in the outputs: the OPD code it is for, the
  /// codes joined by `;` when it is for several (a sheet with rows of several
  /// OPDs), nil when none.
  public func findingOPD(_ index: Int) -> String? {
    let codes = findingOPDs[index]
    return codes.isEmpty ? nil : codes.joined(separator: ";")
  }
}
