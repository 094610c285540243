import Crypto
import Foundation
import Standard

extension Consolidate {
  /// `id-ganda`, `nama-ganda` and `id-dibuat`: the later rows with a taken id are rejected;
  /// empty ids are assigned. Returns the ids of each OPD and domain, rejected
  /// rows included, for the references.
  func checkIds(_ run: inout MergedRun) -> [Scope: Set<String>] {
    let records = run.records
    func add(_ f: Finding, to i: Int) { run.add(f, to: i) }
    func scope(_ r: borrowing Record) -> Scope { Scope(opd: r.opd ?? "", domain: r.domain) }
    var taken: [Scope: Set<String>] = [:]
    var firstOfID: [Scope: [String: Int]] = [:]
    var idTakenTwice = Set<Int>()
    for i in records.indices {
      guard let id = records[i].values.text("id") else { continue }
      if !taken[scope(records[i]), default: []].insert(id.lowercased()).inserted {
        // The message names where the id was used first (file › sheet › cell).
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
    // A name given again in another file of the same set (nama-ganda).
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
    return taken
  }
}
