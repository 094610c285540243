import Spreadsheet

/// A compact binary form of one file's `FileResult`, for the result cache:
/// integers as varints, every string once in a table at the front (labels,
/// paths and codes repeat on every row). Decoding checks every count and tag
/// and gives nil on anything malformed.
enum ResultCodec {
  static func encode(_ r: FileResult) -> [UInt8] {
    var w = Writer()
    w.source(r.source)
    w.int(r.records.count)
    for rec in r.records { w.record(rec) }
    w.int(r.findings.count)
    for f in r.findings { w.finding(f) }
    var out = Writer()
    out.int(w.strings.count)
    for s in w.strings {
      out.int(s.utf8.count)
      out.bytes.append(contentsOf: s.utf8)
    }
    out.bytes.append(contentsOf: w.bytes)
    return out.bytes
  }

  static func decode(_ bytes: UnsafeRawBufferPointer) -> FileResult? {
    var r = Reader(bytes: bytes)
    guard let n = r.count() else { return nil }
    var strings: [String] = []
    strings.reserveCapacity(n)
    for _ in 0..<n {
      guard let len = r.count(), let s = r.utf8(len) else { return nil }
      strings.append(s)
    }
    r.strings = strings
    guard var result = r.source().map({ FileResult(source: $0) }),
      let records = r.list({ $0.record() }), let findings = r.list({ $0.finding() }),
      r.atEnd,
      records.allSatisfy({ $0.findings.allSatisfy { $0 >= 0 && $0 < findings.count } })
    else { return nil }
    result.records = records
    result.findings = findings
    return result
  }

  struct Writer {
    var bytes: [UInt8] = []
    var strings: [String] = []
    private var index: [String: Int] = [:]

    mutating func int(_ v: Int) {
      // Zig-zag, then 7 bits a byte.
      var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
      while u >= 0x80 {
        bytes.append(UInt8(u & 0x7F) | 0x80)
        u >>= 7
      }
      bytes.append(UInt8(u))
    }
    mutating func double(_ d: Double) {
      var b = d.bitPattern
      for _ in 0..<8 {
        bytes.append(UInt8(b & 0xFF))
        b >>= 8
      }
    }
    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }
    mutating func string(_ s: String) {
      if let i = index[s] {
        int(i)
        return
      }
      index[s] = strings.count
      int(strings.count)
      strings.append(s)
    }
    /// nil as 0, a value as 1 and the value.
    mutating func optional<T>(_ v: T?, _ write: (inout Writer, T) -> Void) {
      guard let v else { return bytes.append(0) }
      bytes.append(1)
      write(&self, v)
    }
    mutating func optString(_ s: String?) { optional(s) { $0.string($1) } }
    mutating func optInt(_ v: Int?) { optional(v) { $0.int($1) } }

    mutating func source(_ s: SourceFile) {
      string(s.path)
      string(s.sha256 ?? "")
      bool(s.readable)
      optString(s.format?.rawValue)
      int(s.tables.count)
      for t in s.tables {
        optString(t.sheet)
        int(t.sheetIndex)
        string(t.domain)
        optInt(t.headerRow)
        int(t.dataRows)
        int(t.accepted)
        int(t.rejected)
        int(t.blank)
      }
    }

    mutating func cell(_ c: Cell) {
      switch c {
      case .empty: int(0)
      case .text(let s):
        int(1)
        string(s)
      case .number(let d):
        int(2)
        double(d)
      case .boolean(let b):
        int(3)
        bool(b)
      case .date(let d):
        int(4)
        date(d)
      case .dateTime(let t):
        int(5)
        date(t.date)
        int(Int(t.microseconds))
      case .time(let s):
        int(6)
        double(s)
      case .duration(let s):
        int(7)
        double(s)
      case .error(let e):
        int(8)
        string(e)
      case .uncachedFormula(let f):
        int(9)
        string(f)
      }
    }
    mutating func date(_ d: CivilDate) {
      int(d.year)
      int(d.month)
      int(d.day)
    }
    mutating func value(_ v: Value) {
      switch v {
      case .text(let s):
        int(0)
        string(s)
      case .number(let d):
        int(1)
        double(d)
      case .integer(let i):
        int(2)
        int(i)
      case .date(let d):
        int(3)
        date(d)
      case .list(let l):
        int(4)
        int(l.count)
        for s in l { string(s) }
      }
    }
    mutating func cells(_ pairs: RowCells) {
      int(pairs.count)
      for (label, c) in pairs {
        string(label)
        cell(c)
      }
    }

    mutating func record(_ r: Record) {
      string(r.domain)
      optString(r.opd)
      // Dictionaries in key order: the same result, the same bytes.
      int(r.values.count)
      for (k, v) in r.values.pairs.sorted(by: { $0.key < $1.key }) {
        string(k)
        value(v)
      }
      cells(r.extra)
      cells(r.raw)
      int(r.fieldColumns.count)
      for (k, c) in r.fieldColumns.sorted(by: { $0.key < $1.key }) {
        string(k)
        int(c.column)
        string(c.label)
      }
      string(r.origin.file)
      optString(r.origin.sheet)
      int(r.origin.sheetIndex)
      int(r.origin.row)
      int(r.findings.count)
      for f in r.findings { int(f) }
      bool(r.rejected)
    }

    mutating func finding(_ f: Finding) {
      string(f.type.rawValue)
      string(f.severity.rawValue)
      string(f.location.file)
      optString(f.location.sheet)
      optInt(f.location.row)
      optInt(f.location.column)
      optString(f.columnLabel)
      optString(f.field)
      optString(f.value)
      int(f.params.count)
      for (k, v) in f.params.sorted(by: { $0.key < $1.key }) {
        string(k)
        string(v)
      }
      int(f.suggestions.count)
      for s in f.suggestions { string(s) }
      int(f.sheetIndex)
    }
  }

  struct Reader {
    let bytes: UnsafeRawBufferPointer
    var at = 0
    var strings: [String] = []

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func int() -> Int? {
      var u: UInt64 = 0
      var shift: UInt64 = 0
      while at < bytes.count, shift < 64 {
        let b = bytes[at]
        at += 1
        u |= UInt64(b & 0x7F) << shift
        if b < 0x80 {
          let v = Int64(bitPattern: u)
          return Int((v >> 1) ^ -(v & 1))
        }
        shift += 7
      }
      return nil
    }
    /// A count no larger than the bytes left could hold.
    mutating func count() -> Int? {
      guard let n = int(), n >= 0, n <= bytes.count - at else { return nil }
      return n
    }
    mutating func double() -> Double? {
      guard bytes.count - at >= 8 else { return nil }
      var b: UInt64 = 0
      for i in 0..<8 { b |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
      at += 8
      return Double(bitPattern: b)
    }
    mutating func bool() -> Bool? {
      guard at < bytes.count, bytes[at] <= 1 else { return nil }
      at += 1
      return bytes[at - 1] == 1
    }
    mutating func utf8(_ n: Int) -> String? {
      guard bytes.count - at >= n else { return nil }
      let s = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
      at += n
      return s
    }
    mutating func string() -> String? {
      guard let i = int(), i >= 0, i < strings.count else { return nil }
      return strings[i]
    }
    /// `.some(nil)` for a stored nil; nil when malformed.
    mutating func optional<T>(_ read: (inout Reader) -> T?) -> T?? {
      guard let present = bool() else { return nil }
      guard present else { return .some(nil) }
      guard let v = read(&self) else { return nil }
      return .some(v)
    }
    mutating func optString() -> String?? { optional { $0.string() } }
    mutating func optInt() -> Int?? { optional { $0.int() } }
    mutating func list<T>(_ read: (inout Reader) -> T?) -> [T]? {
      guard let n = count() else { return nil }
      var out: [T] = []
      out.reserveCapacity(n)
      for _ in 0..<n {
        guard let v = read(&self) else { return nil }
        out.append(v)
      }
      return out
    }

    mutating func source() -> SourceFile? {
      guard let path = string(), let sha = string(), let readable = bool(),
        let format = optString()
      else { return nil }
      var s = SourceFile(path: path, sha256: sha, readable: readable)
      if let f = format {
        guard let ff = FileFormat(rawValue: f) else { return nil }
        s.format = ff
      }
      guard
        let tables = list({ r -> TableSummary? in
          guard let sheet = r.optString(), let index = r.int(), let domain = r.string(),
            let header = r.optInt(), let data = r.int(), let accepted = r.int(),
            let rejected = r.int(), let blank = r.int()
          else { return nil }
          var t = TableSummary(sheet: sheet, sheetIndex: index, domain: domain)
          t.headerRow = header
          t.dataRows = data
          t.accepted = accepted
          t.rejected = rejected
          t.blank = blank
          return t
        })
      else { return nil }
      s.tables = tables
      return s
    }

    mutating func date() -> CivilDate? {
      guard let y = int(), let m = int(), let d = int() else { return nil }
      return CivilDate(year: y, month: m, day: d)
    }
    mutating func cell() -> Cell? {
      switch int() {
      case 0: return .empty
      case 1: return string().map(Cell.text)
      case 2: return double().map(Cell.number)
      case 3: return bool().map(Cell.boolean)
      case 4: return date().map(Cell.date)
      case 5:
        guard let d = date(), let us = int() else { return nil }
        return .dateTime(CivilDateTime(date: d, microseconds: Int64(us)))
      case 6: return double().map { Cell.time(seconds: $0) }
      case 7: return double().map { Cell.duration(seconds: $0) }
      case 8: return string().map(Cell.error)
      case 9: return string().map(Cell.uncachedFormula)
      default: return nil
      }
    }
    mutating func value() -> Value? {
      switch int() {
      case 0: return string().map(Value.text)
      case 1: return double().map(Value.number)
      case 2: return int().map(Value.integer)
      case 3: return date().map(Value.date)
      case 4: return list({ $0.string() }).map(Value.list)
      default: return nil
      }
    }
    mutating func cells() -> RowCells? {
      list { r -> (String, Cell)? in
        guard let label = r.string(), let c = r.cell() else { return nil }
        return (label, c)
      }.map(RowCells.init)
    }

    mutating func record() -> Record? {
      guard let domain = string(), let opd = optString(),
        let values = list({ r -> (String, Value)? in
          guard let k = r.string(), let v = r.value() else { return nil }
          return (k, v)
        }),
        let extra = cells(), let raw = cells(),
        let columns = list({ r -> (String, (column: Int, label: String))? in
          guard let k = r.string(), let c = r.int(), let l = r.string() else { return nil }
          return (k, (c, l))
        }),
        let file = string(), let sheet = optString(), let sheetIndex = int(), let row = int(),
        let findings = list({ $0.int() }), let rejected = bool()
      else { return nil }
      var r = Record(
        domain: domain, opd: opd,
        values: FieldValues(Dictionary(values, uniquingKeysWith: { a, _ in a })),
        extra: extra, raw: raw,
        fieldColumns: Dictionary(columns, uniquingKeysWith: { a, _ in a }),
        origin: Origin(file: file, sheet: sheet, sheetIndex: sheetIndex, row: row))
      r.findings = findings
      r.rejected = rejected
      return r
    }

    mutating func finding() -> Finding? {
      guard let type = string().flatMap(FindingType.init(rawValue:)),
        let severity = string().flatMap(Severity.init(rawValue:)),
        let file = string(), let sheet = optString(), let row = optInt(), let column = optInt(),
        let label = optString(), let field = optString(), let value = optString(),
        let params = list({ r -> (String, String)? in
          guard let k = r.string(), let v = r.string() else { return nil }
          return (k, v)
        }),
        let suggestions = list({ $0.string() }), let sheetIndex = int()
      else { return nil }
      return Finding(
        type, at: Location(file: file, sheet: sheet, row: row, column: column),
        sheetIndex: sheetIndex, severity: severity, column: label, field: field, value: value,
        params: Dictionary(params, uniquingKeysWith: { a, _ in a }), suggestions: suggestions)
    }
  }
}
