/// Receives what the scanner finds. A field may arrive in several pieces (a quoted
/// field is split at its doubled quotes).
protocol CSVSink {
  mutating func append(_ piece: UnsafeBufferPointer<UInt8>) throws
  mutating func endField() throws
  /// Returns false to stop scanning.
  mutating func endRecord() throws -> Bool
}

/// RFC 4180 splitting on UTF-8 bytes, record for record as Python's `csv.reader`
/// yields them: quotes open a field only at its start, a doubled quote inside quotes is
/// one quote, text after a closing quote joins the field, line breaks inside quotes are
/// kept verbatim, CRLF, LF and CR end records, an empty line is a record with no field,
/// an unterminated quote runs to the end of the file. There is no escape character.
enum CSVParser {
  static let quote: UInt8 = 0x22
  static let cr: UInt8 = 0x0D
  static let lf: UInt8 = 0x0A

  static func scan<S: CSVSink>(
    _ buf: UnsafeBufferPointer<UInt8>, delimiter d: UInt8, into sink: inout S
  ) throws {
    let n = buf.count
    var i = 0
    @inline(__always) func piece(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: buf[a..<b])
    }
    // The end of an unquoted run: the next delimiter or line break.
    @inline(__always) func runEnd(_ from: Int) -> Int {
      var j = from
      while j < n {
        let b = buf[j]
        if b == d || b == cr || b == lf { break }
        j += 1
      }
      return j
    }
    while i < n {
      let c = buf[i]
      if c == cr || c == lf {
        i += c == cr && i + 1 < n && buf[i + 1] == lf ? 2 : 1
        if try !sink.endRecord() { return }
        continue
      }
      fields: while true {
        if i < n && buf[i] == quote {
          i += 1
          var start = i
          while true {
            while i < n && buf[i] != quote { i += 1 }
            try sink.append(piece(start, i))
            if i == n { break }
            if i + 1 < n && buf[i + 1] == quote {
              try sink.append(piece(i, i + 1))
              i += 2
              start = i
              continue
            }
            // The closing quote; anything up to the delimiter still belongs here.
            let end = runEnd(i + 1)
            if end > i + 1 { try sink.append(piece(i + 1, end)) }
            i = end
            break
          }
        } else {
          let end = runEnd(i)
          try sink.append(piece(i, end))
          i = end
        }
        try sink.endField()
        if i == n { break fields }
        let b = buf[i]
        if b == d {
          // After a final delimiter the next pass yields the empty last field.
          i += 1
          continue fields
        }
        i += b == cr && i + 1 < n && buf[i + 1] == lf ? 2 : 1
        break fields
      }
      if try !sink.endRecord() { return }
    }
  }
}

/// All records of a file in three flat arrays, rather than one String per field:
/// a hostile file of delimiters costs 4 bytes per field instead of dozens.
struct CSVTable: CSVSink {
  var text: [UInt8] = []
  /// End offset in `text` of every field.
  var fieldEnds: [UInt32] = []
  /// For every record, the end index of its fields in `fieldEnds`.
  var recordEnds: [Int] = []
  var maxFieldBytes: Int = .max
  var maxFields: Int = .max
  private var fieldStart = 0

  struct FieldTooLarge: Error {
    var record: Int
    var column: Int
  }
  struct TooLarge: Error {}
  struct TooManyFields: Error {}

  init(maxFieldBytes: Int, capacity: Int) {
    self.maxFieldBytes = maxFieldBytes
    text.reserveCapacity(capacity)
  }

  mutating func append(_ piece: UnsafeBufferPointer<UInt8>) throws {
    if text.count - fieldStart + piece.count > maxFieldBytes {
      let firstField = recordEnds.last ?? 0
      throw FieldTooLarge(record: recordEnds.count + 1, column: fieldEnds.count - firstField + 1)
    }
    text.append(contentsOf: piece)
  }

  mutating func endField() throws {
    guard text.count <= UInt32.max else { throw TooLarge() }
    guard fieldEnds.count < maxFields else { throw TooManyFields() }
    fieldEnds.append(UInt32(truncatingIfNeeded: text.count))
    fieldStart = text.count
  }

  mutating func endRecord() throws -> Bool {
    recordEnds.append(fieldEnds.count)
    return true
  }

  var count: Int { recordEnds.count }

  /// The fields of record `r` (0-based) as strings.
  func record(_ r: Int) -> [String] {
    let first = r == 0 ? 0 : recordEnds[r - 1]
    let last = recordEnds[r]
    if first == last { return [] }
    return text.withUnsafeBufferPointer { buf in
      var out: [String] = []
      out.reserveCapacity(last - first)
      var start = first == 0 ? 0 : Int(fieldEnds[first - 1])
      for f in first..<last {
        let end = Int(fieldEnds[f])
        out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self))
        start = end
      }
      return out
    }
  }
}

/// Counts the fields of the first records, for sniffing the delimiter.
struct CSVFieldCounter: CSVSink {
  var counts: [Int] = []
  var current = 0
  let maxRecords: Int

  mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {}
  mutating func endField() { current += 1 }
  mutating func endRecord() -> Bool {
    counts.append(current)
    current = 0
    return counts.count < maxRecords
  }
}

/// Chooses the delimiter among `,` `;` TAB `|`: the one that splits the most records
/// of a sample into the same number (two or more) of fields. Quotes are honoured, so a
/// delimiter inside a quoted field does not count. An Excel `sep=X` first line decides
/// outright (the line itself stays a record, as `csv.reader` yields it).
enum CSVSniffer {
  static let candidates: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
  static let sampleBytes = 64 << 10
  static let sampleRecords = 200

  static func delimiter(_ buf: UnsafeBufferPointer<UInt8>, preferTab: Bool) -> UInt8 {
    if let d = sepDirective(buf) { return d }
    let truncated = buf.count > sampleBytes
    let sample = UnsafeBufferPointer(rebasing: buf[0..<min(buf.count, sampleBytes)])
    let order = preferTab ? [0x09, 0x2C, 0x3B, 0x7C] : candidates
    var best: (delimiter: UInt8, score: Double)?
    for d in order {
      var counter = CSVFieldCounter(maxRecords: sampleRecords)
      try? CSVParser.scan(sample, delimiter: d, into: &counter)
      var counts = counter.counts
      // A sample cut mid-record ends in a partial record.
      if truncated && counter.counts.count < sampleRecords && counts.count > 1 {
        counts.removeLast()
      }
      counts.removeAll { $0 == 0 }
      guard !counts.isEmpty else { continue }
      var frequency: [Int: Int] = [:]
      for c in counts where c >= 2 { frequency[c, default: 0] += 1 }
      guard let modal = frequency.values.max() else { continue }
      let score = Double(modal) / Double(counts.count)
      if best == nil || score > best!.score { best = (d, score) }
    }
    return best?.delimiter ?? (preferTab ? 0x09 : 0x2C)
  }

  /// `sep=;` (any case) alone on the first line.
  static func sepDirective(_ buf: UnsafeBufferPointer<UInt8>) -> UInt8? {
    guard buf.count >= 5 else { return nil }
    let head = buf[0..<4].map { $0 | 0x20 }
    guard head == Array("sep=".utf8), candidates.contains(buf[4]) else { return nil }
    if buf.count == 5 || buf[5] == CSVParser.cr || buf[5] == CSVParser.lf { return buf[4] }
    return nil
  }
}
