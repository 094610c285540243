import Foundation
import Pipeline

/// One instansi's `arsitektur-spbe.json` (SPEC §7) as the national roll-up
/// needs it: who made it, when, with which codelist editions, its `ringkasan`,
/// and its accepted records.
///
/// The records are kept as the compact JSON bytes of each record object
/// (checked while read, strings re-escaped), not decoded into values: the
/// roll-up only re-emits them with `kode_wilayah` added, and a record's bytes
/// cost about what its text costs, one allocation each, where a decoded tree
/// costs several times that; the numbers stay as the instansi wrote them.
public struct InstansiDocument: Sendable {
  public struct CodelistUse: Sendable, Equatable {
    public let name: String
    public let edition: String
  }

  public static let format = "spbe-arsitektur/1"

  /// The path as given on the command line.
  public let path: String
  public var regionCode = ""
  public var name = ""
  public var period = ""
  public var createdAt = ""
  public var codelists: [CodelistUse] = []
  public var summary = JSON.object([])
  /// Per domain key, the records in the document's order.
  public var records: [String: [[UInt8]]] = [:]
  /// OPDs listed in the document, and per domain how many of them have records.
  public var offices = 0
  public var officesWithRecords: [String: Int] = [:]

  public var fileName: String { (path as NSString).lastPathComponent }

  /// A number of `ringkasan` (`diterima`, `ditolak`), 0 when absent.
  public func summaryCount(_ key: String) -> Int {
    guard case .object(let m) = summary, case .int(let n)? = m.first(where: { $0.0 == key })?.1
    else { return 0 }
    return n
  }

  /// `ringkasan.temuan` per level.
  public func findings(_ level: Severity) -> Int {
    guard case .object(let m) = summary,
      case .object(let t)? = m.first(where: { $0.0 == "temuan" })?.1,
      case .int(let n)? = t.first(where: { $0.0 == level.rawValue })?.1
    else { return 0 }
    return n
  }

  /// `ringkasan.opd_tanpa_kiriman`.
  public var silentOffices: Int {
    guard case .object(let m) = summary,
      case .array(let a)? = m.first(where: { $0.0 == "opd_tanpa_kiriman" })?.1
    else { return 0 }
    return a.count
  }

  public func count(_ domain: String) -> Int { records[domain]?.count ?? 0 }

  /// Reads the document at `path`, streamed from the file; `domains` are the
  /// keys of the six domain arrays.
  public static func read(path: String, domains: [String]) throws(RollupError) -> InstansiDocument {
    let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw .unreadable(path: path, code: errno) }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, code: errno) }
    guard st.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, code: EISDIR) }
    let reader = JSONPullReader(fileDescriptor: fd)
    var doc = InstansiDocument(path: path)
    do {
      try doc.read(reader, domains: Set(domains))
    } catch let e as JSONReadError {
      throw .malformed(path: path, e)
    } catch let e as RollupError {
      throw e
    } catch {
      throw .unreadable(path: path, code: EIO)
    }
    return doc
  }

  private init(path: String) { self.path = path }

  private mutating func read(_ r: JSONPullReader, domains: Set<String>) throws {
    var format: String?
    var seen: Set<String> = []
    try r.beginObject()
    while let key = try r.nextKey() {
      seen.insert(key)
      switch key {
      case "format":
        let f = try r.readString()
        // Stopped at once: nothing else of another version is read.
        guard f == Self.format else { throw RollupError.otherFormat(path: path, format: f) }
        format = f
      case "instansi":
        try r.beginObject()
        while let k = try r.nextKey() {
          switch k {
          case "nama": name = try r.readString()
          case "kode_wilayah": regionCode = try r.readString()
          default: try r.skipValue()
          }
        }
      case "periode": period = try r.readString()
      case "dibuat_pada": createdAt = try r.readString()
      case "daftar_kode": try readCodelists(r)
      case "opd": try readOffices(r, domains)
      case "ringkasan": summary = try r.readValue()
      case let d where domains.contains(d): try readRecords(r, d)
      default: try r.skipValue()
      }
    }
    try r.finish()
    guard format != nil else { throw RollupError.missingMember(path: path, member: "format") }
    guard !regionCode.isEmpty else {
      throw RollupError.missingMember(path: path, member: "instansi.kode_wilayah")
    }
    for d in domains.sorted() where !seen.contains(d) {
      throw RollupError.missingMember(path: path, member: d)
    }
  }

  private mutating func readCodelists(_ r: JSONPullReader) throws {
    try r.beginArray()
    while try r.nextElement() {
      var name = ""
      var edition = ""
      try r.beginObject()
      while let k = try r.nextKey() {
        switch k {
        case "nama": name = try r.readString()
        case "edisi": edition = try r.readString()
        default: try r.skipValue()
        }
      }
      codelists.append(CodelistUse(name: name, edition: edition))
    }
  }

  private mutating func readOffices(_ r: JSONPullReader, _ domains: Set<String>) throws {
    try r.beginArray()
    while try r.nextElement() {
      offices += 1
      try r.beginObject()
      while let k = try r.nextKey() {
        guard k == "jumlah" else {
          try r.skipValue()
          continue
        }
        try r.beginObject()
        while let d = try r.nextKey() {
          if try r.readInt() > 0, domains.contains(d) { officesWithRecords[d, default: 0] += 1 }
        }
      }
    }
  }

  private mutating func readRecords(_ r: JSONPullReader, _ domain: String) throws {
    var kept: [[UInt8]] = []
    try r.beginArray()
    while try r.nextElement() {
      guard try r.peekKind() == .object else {
        throw JSONReadError(.wrongType(expected: .object), offset: r.offset)
      }
      let sink = ByteSink()
      try r.copyValue(into: sink)
      // Copied to its own size: the sink's buffer is reserved larger.
      kept.append(sink.bytes.withUnsafeBufferPointer { Array($0) })
    }
    records[domain] = kept
  }
}
