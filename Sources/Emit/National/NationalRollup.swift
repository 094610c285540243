import Foundation
import Pipeline
import Standard

/// The documents of many instansi merged: one per `kode_wilayah` (the later
/// `dibuat_pada` wins), ordered by `kode_wilayah`, with what was set aside.
/// Documents are added one at a time as they are read, so a replaced
/// document's records are let go at once.
public struct NationalRollup: Sendable {
  /// A document set aside because a later one of the same instansi came.
  public struct Replaced: Sendable, Equatable {
    public let regionCode: String
    public let path: String
    public let createdAt: String
    public let keptPath: String
    public let keptCreatedAt: String
  }

  /// A codelist a document used in another edition than this tool's.
  public struct OtherEdition: Sendable, Equatable {
    public let path: String
    public let regionCode: String
    public let codelist: String
    public let edition: String
    public let ours: String
  }

  public let domains: [Domain]
  /// This tool's codelist editions, by name.
  public let editions: [String: String]
  private var byRegion: [String: InstansiDocument] = [:]
  public private(set) var replaced: [Replaced] = []
  /// Documents that could not be read, in the order they were met.
  public private(set) var unreadable: [RollupError] = []

  public init(standard: Standard) {
    domains = standard.domains
    editions = Dictionary(
      standard.lists.map { ($0.name, $0.edition) }, uniquingKeysWith: { a, _ in a })
  }

  /// The merged documents, by `kode_wilayah`.
  public var documents: [InstansiDocument] {
    byRegion.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { byRegion[$0]! }
  }

  public mutating func add(_ doc: InstansiDocument) {
    guard let held = byRegion[doc.regionCode] else {
      byRegion[doc.regionCode] = doc
      return
    }
    let (kept, dropped) = Self.later(doc, than: held) ? (doc, held) : (held, doc)
    byRegion[doc.regionCode] = kept
    replaced.append(
      Replaced(
        regionCode: doc.regionCode, path: dropped.path, createdAt: dropped.createdAt,
        keptPath: kept.path, keptCreatedAt: kept.createdAt))
  }

  public mutating func failed(_ e: RollupError) { unreadable.append(e) }

  /// The set-aside documents in an order that does not depend on the order
  /// the documents came in.
  public var replacedInOrder: [Replaced] {
    replaced.sorted {
      ($0.regionCode, $0.createdAt, $0.path) < ($1.regionCode, $1.createdAt, $1.path)
    }
  }

  /// `a` made after `b`; on the same time, the path later in byte order, so the
  /// choice never depends on the order the documents were given in.
  static func later(_ a: InstansiDocument, than b: InstansiDocument) -> Bool {
    let ta = moment(a.createdAt)
    let tb = moment(b.createdAt)
    if ta != tb { return (ta ?? -.infinity) > (tb ?? -.infinity) }
    if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
    return b.path.utf8.lexicographicallyPrecedes(a.path.utf8)
  }

  /// An RFC 3339 time as seconds, with or without fractions; `nil` if it is none.
  static func moment(_ text: String) -> Double? {
    let plain = ISO8601DateFormatter()
    if let d = plain.date(from: text) { return d.timeIntervalSince1970 }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return fractional.date(from: text)?.timeIntervalSince1970
  }

  /// Codelists the merged documents used in another edition than this tool's.
  public var otherEditions: [OtherEdition] {
    documents.flatMap { d in
      d.codelists.compactMap { c in
        guard let ours = editions[c.name], ours != c.edition else { return nil }
        return OtherEdition(
          path: d.path, regionCode: d.regionCode, codelist: c.name, edition: c.edition, ours: ours)
      }
    }
  }

  public var totalRecords: Int {
    byRegion.values.reduce(0) { sum, d in sum + d.records.values.reduce(0) { $0 + $1.count } }
  }
}
