import Foundation
import Pipeline
import Standard

/// What a round is compared by: per OPD its files (with their SHA-256), its
/// accepted records (by domain, OPD and id, with every field), and the `kunci`
/// of the findings for it. Made from the current run, or from the
/// `arsitektur-spbe.json` of a recorded round, the same way for both.
public struct RoundSnapshot: Sendable {
  struct RecordKey: Hashable, Sendable {
    var domain: String
    /// `""`: no OPD.
    var opd: String
    var id: String
  }

  struct RecordEntry: Sendable {
    var key: RecordKey
    var nama: String?
    /// Field → its value as a canonical text, for comparing; and the value itself.
    var fields: [(name: String, canonical: String, value: JSON)]
  }

  /// OPD code → file → SHA-256 (`""` when unreadable).
  var files: [String: [String: String]] = [:]
  var records: [RecordKey: RecordEntry] = [:]
  /// OPD code (`""`: none) → the `kunci` of its findings.
  var findings: [String: Set<String>] = [:]

  /// The current run.
  init(_ context: EmitContext) {
    let a = context.architecture
    let sha = Dictionary(
      a.sources.map { ($0.path, $0.sha256 ?? "") }, uniquingKeysWith: { x, _ in x })
    for (code, list) in a.byOPD.files {
      files[code] = Dictionary(list.map { ($0, sha[$0] ?? "") }, uniquingKeysWith: { x, _ in x })
    }
    let domains = Dictionary(
      context.standard.domains.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
    for r in a.records where !r.rejected {
      guard let d = domains[r.domain] else { continue }
      var fields: [(name: String, canonical: String, value: JSON)] = d.fields.compactMap { f in
        guard f.key != "id", f.key != "opd" else { return nil }
        let v = ArchitectureDocument.value(r.values[f.key], f)
        return (f.key, Self.canonical(v), v)
      }
      let extra = JSON.object(r.extra.map { ($0.0, CellJSON.encode($0.1)) })
      fields.append(("tambahan", Self.canonical(extra), extra))
      add(
        RecordEntry(
          key: RecordKey(domain: r.domain, opd: r.opd ?? "", id: r.text("id") ?? ""),
          nama: r.text("nama"), fields: fields))
    }
    for i in a.findings.indices {
      let codes = a.findingOPDs[i]
      for code in codes.isEmpty ? [""] : codes {
        findings[code, default: []].insert(context.findingKeys[i])
      }
    }
  }

  /// A recorded round's document; nil when it is not one.
  init?(document data: Data, standard: Standard) {
    guard let doc = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
      return nil
    }
    var sha: [String: String] = [:]
    for s in doc["sumber"] as? [[String: Any]] ?? [] {
      if let p = s["berkas"] as? String { sha[p] = s["sha256"] as? String ?? "" }
    }
    for o in doc["opd"] as? [[String: Any]] ?? [] {
      guard let code = o["kode"] as? String, let list = o["berkas"] as? [String], !list.isEmpty
      else { continue }
      files[code] = Dictionary(list.map { ($0, sha[$0] ?? "") }, uniquingKeysWith: { x, _ in x })
    }
    for d in standard.domains {
      for r in doc[d.key] as? [[String: Any]] ?? [] {
        var fields: [(name: String, canonical: String, value: JSON)] = []
        for f in d.fields where f.key != "id" && f.key != "opd" {
          let v = Self.json(r[f.key])
          fields.append((f.key, Self.canonical(v), v))
        }
        let extra = Self.json(r["tambahan"] ?? [String: Any]())
        fields.append(("tambahan", Self.canonical(extra), extra))
        add(
          RecordEntry(
            key: RecordKey(
              domain: d.key, opd: r["opd"] as? String ?? "", id: r["id"] as? String ?? ""),
            nama: r["nama"] as? String, fields: fields))
      }
    }
    for f in doc["temuan"] as? [[String: Any]] ?? [] {
      guard let key = f["kunci"] as? String else { continue }
      let codes = (f["opd"] as? String)?.split(separator: ";").map(String.init) ?? []
      for code in codes.isEmpty ? [""] : codes { findings[code, default: []].insert(key) }
    }
  }

  /// A second record with the same domain, OPD and id is told apart by its turn.
  private mutating func add(_ e: RecordEntry) {
    var entry = e
    var n = 2
    while records[entry.key] != nil {
      entry.key.id = e.key.id + "\u{1F}\(n)"
      n += 1
    }
    records[entry.key] = entry
  }

  /// A value as parsed by `JSONSerialization`, as a `JSON`.
  static func json(_ any: Any?) -> JSON {
    switch any {
    case nil, is NSNull: return .null
    case let s as String: return .string(s)
    case let n as NSNumber:
      let d = n.doubleValue
      if d == d.rounded(), abs(d) < 9e15 { return .int(Int(d)) }
      return .double(d)
    case let a as [Any]: return .array(a.map { json($0) })
    case let o as [String: Any]: return .object(o.keys.sorted().map { ($0, json(o[$0])) })
    default: return .null
    }
  }

  /// A text that is equal for equal values whichever way they were read
  /// (numbers as doubles, object members by name).
  static func canonical(_ v: JSON) -> String {
    switch v {
    case .null: return "n"
    // JSONSerialization reads true as the number 1.
    case .bool(let b): return b ? "d1" : "d0"
    case .int(let i): return "d" + JSONWriter.number(Double(i))
    case .double(let d): return "d" + JSONWriter.number(d)
    case .string(let s): return "s" + String(s.utf8.count) + ":" + s
    case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
    case .object(let members):
      return "{"
        + members.sorted { $0.0 < $1.0 }.map { "s\($0.0.utf8.count):\($0.0)=" + canonical($0.1) }
        .joined(separator: ",") + "}"
    }
  }
}
