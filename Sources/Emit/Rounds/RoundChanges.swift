import Foundation
import Pipeline
import Standard

/// What changed since the round compared with (`perubahan.json`, the top of
/// `laporan.html`, the opening of each feedback page), per OPD: files new,
/// changed, unchanged and gone; records added, removed and changed (with the
/// fields that changed); findings fixed, new and still open, by `kunci`. A
/// record accepted now that was rejected before is added: only accepted
/// records are compared.
public struct RoundChanges: Sendable {
  public struct RecordRef: Sendable {
    public var domain: String
    public var opd: String?
    public var id: String
    public var nama: String?
    /// Field → (old, new), for a changed record.
    public var fields: [(name: String, old: JSON, new: JSON)] = []
  }

  public struct OPDChanges: Sendable {
    /// nil: findings for no OPD.
    public var opd: String?
    public var filesNew: [String] = []
    public var filesChanged: [String] = []
    public var filesSame: [String] = []
    public var filesGone: [String] = []
    public var added: [RecordRef] = []
    public var removed: [RecordRef] = []
    public var changed: [RecordRef] = []
    public var fixed: [String] = []
    public var new: [String] = []
    public var open: [String] = []

    /// Anything besides unchanged files and findings still open.
    public var hasChanges: Bool {
      !(filesNew.isEmpty && filesChanged.isEmpty && filesGone.isEmpty && added.isEmpty
        && removed.isEmpty && changed.isEmpty && fixed.isEmpty && new.isEmpty)
    }
  }

  /// This run's round, nil when it records none (`--tanpa-riwayat`).
  public var round: Int?
  /// The round compared with; nil on the first round.
  public var base: Int?
  public var opds: [OPDChanges] = []

  /// The first round: nothing to compare with.
  public init(round: Int?) { self.round = round }

  init(round: Int?, base: Int, before: RoundSnapshot, now: RoundSnapshot, standard: Standard) {
    self.round = round
    self.base = base
    var codes = Set(before.files.keys).union(now.files.keys)
      .union(before.findings.keys).union(now.findings.keys)
    for k in before.records.keys { codes.insert(k.opd) }
    for k in now.records.keys { codes.insert(k.opd) }
    let registry = standard.opds.offices.map(\.code)
    let known = Set(registry)
    let order =
      registry.filter(codes.contains) + codes.subtracting(known).subtracting([""]).sorted()
      + (codes.contains("") ? [""] : [])
    var byOPD = Dictionary(
      order.map { ($0, OPDChanges(opd: $0.isEmpty ? nil : $0)) }, uniquingKeysWith: { a, _ in a })

    for code in order {
      let old = before.files[code] ?? [:]
      let cur = now.files[code] ?? [:]
      for (file, sha) in cur.sorted(by: { $0.key < $1.key }) {
        switch old[file] {
        case nil: byOPD[code]!.filesNew.append(file)
        case sha?: byOPD[code]!.filesSame.append(file)
        default: byOPD[code]!.filesChanged.append(file)
        }
      }
      byOPD[code]!.filesGone = old.keys.filter { cur[$0] == nil }.sorted()
      let oldF = before.findings[code] ?? []
      let curF = now.findings[code] ?? []
      byOPD[code]!.fixed = oldF.subtracting(curF).sorted()
      byOPD[code]!.new = curF.subtracting(oldF).sorted()
      byOPD[code]!.open = curF.intersection(oldF).sorted()
    }
    func ref(_ e: RoundSnapshot.RecordEntry) -> RecordRef {
      let id = e.key.id.split(separator: "\u{1F}", omittingEmptySubsequences: false).first
      return RecordRef(
        domain: e.key.domain, opd: e.key.opd.isEmpty ? nil : e.key.opd,
        id: id.map(String.init) ?? "", nama: e.nama)
    }
    let domainOrder = Dictionary(
      standard.domains.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    let sortKeys = { (a: RoundSnapshot.RecordKey, b: RoundSnapshot.RecordKey) in
      (domainOrder[a.domain] ?? 99, a.id) < (domainOrder[b.domain] ?? 99, b.id)
    }
    for key in now.records.keys.sorted(by: sortKeys) {
      let cur = now.records[key]!
      guard let old = before.records[key] else {
        byOPD[key.opd]?.added.append(ref(cur))
        continue
      }
      var r = ref(cur)
      let oldFields = Dictionary(
        old.fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
      for f in cur.fields {
        let o = oldFields[f.name]
        if o?.canonical != f.canonical { r.fields.append((f.name, o?.value ?? .null, f.value)) }
      }
      if !r.fields.isEmpty { byOPD[key.opd]?.changed.append(r) }
    }
    for key in before.records.keys.sorted(by: sortKeys) where now.records[key] == nil {
      byOPD[key.opd]?.removed.append(ref(before.records[key]!))
    }
    opds = order.map { byOPD[$0]! }
  }

  /// `perubahan.json`.
  public var document: JSON {
    func record(_ r: RecordRef, fields: Bool) -> JSON {
      var m: [(String, JSON)] = [
        ("domain", .string(r.domain)), ("opd", .string(r.opd)), ("id", .string(r.id)),
        ("nama", .string(r.nama)),
      ]
      if fields {
        m.append(("bidang", .object(r.fields.map { ($0.name, .array([$0.old, $0.new])) })))
      }
      return .object(m)
    }
    let strings = { (l: [String]) in JSON.array(l.map(JSON.string)) }
    return .object([
      ("putaran", round.map(JSON.int) ?? .null),
      ("banding", base.map(JSON.int) ?? .null),
      (
        "opd",
        .array(
          opds.map { o in
            .object([
              ("opd", .string(o.opd)),
              (
                "berkas",
                .object([
                  ("baru", strings(o.filesNew)), ("berubah", strings(o.filesChanged)),
                  ("tetap", strings(o.filesSame)), ("hilang", strings(o.filesGone)),
                ])
              ),
              (
                "rekaman",
                .object([
                  ("ditambah", .array(o.added.map { record($0, fields: false) })),
                  ("dihapus", .array(o.removed.map { record($0, fields: false) })),
                  ("diubah", .array(o.changed.map { record($0, fields: true) })),
                ])
              ),
              (
                "temuan",
                .object([
                  ("diperbaiki", strings(o.fixed)), ("baru", strings(o.new)),
                  ("tersisa", strings(o.open)),
                ])
              ),
            ])
          })
      ),
    ])
  }

  /// The part of `code` (`""`: no OPD), nil when it has none.
  public func of(_ code: String) -> OPDChanges? {
    opds.first { ($0.opd ?? "") == code }
  }
}
