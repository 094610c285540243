/// Turns the bytes of a delimited-text file into UTF-8. The order of evidence is fixed
/// (no statistical guessing, which is wrong more often than right on small files):
/// a byte-order mark; else valid UTF-8; else an encoding the file name declares
/// (`…latin1.csv`, `….win1252.csv`, `…iso-8859-7.csv`); else Windows-1252, what Excel
/// writes on a Western-locale Windows.
enum CSVDecoding {
  struct Decoded {
    /// The text as UTF-8, byte-order mark removed.
    var utf8: [UInt8]
    var encoding: String
  }

  static func decode(_ bytes: [UInt8], fileName: String) -> Decoded {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return Decoded(utf8: Array(bytes[3...]), encoding: "utf-8")
    }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      return Decoded(utf8: fromUTF32(bytes[4...], bigEndian: false), encoding: "utf-32-le")
    }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
      return Decoded(utf8: fromUTF32(bytes[4...], bigEndian: true), encoding: "utf-32-be")
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return Decoded(utf8: fromUTF16(bytes[2...], bigEndian: false), encoding: "utf-16-le")
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return Decoded(utf8: fromUTF16(bytes[2...], bigEndian: true), encoding: "utf-16-be")
    }
    if isValidUTF8(bytes) { return Decoded(utf8: bytes, encoding: "utf-8") }
    let declared = declaredEncoding(fileName)
    switch declared {
    case "iso-8859-1": return Decoded(utf8: fromSingleByte(bytes, high: nil), encoding: declared)
    case "iso-8859-7":
      return Decoded(utf8: fromSingleByte(bytes, high: iso8859_7High), encoding: declared)
    default: return Decoded(utf8: fromCP1252(bytes), encoding: "cp1252")
    }
  }

  /// An encoding named in the file name, as data sets often label their variants.
  static func declaredEncoding(_ fileName: String) -> String {
    let name = fileName.lowercased()
    for (tokens, encoding) in [
      (["iso-8859-7", "iso8859-7", "greek"], "iso-8859-7"),
      (["latin1", "latin-1", "iso-8859-1", "iso8859-1"], "iso-8859-1"),
    ] where tokens.contains(where: { name.contains($0) }) {
      return encoding
    }
    return "cp1252"
  }

  // MARK: UTF-8

  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buf in
      let n = buf.count
      var i = 0
      while i < n {
        // Skip ASCII eight bytes at a time.
        while i + 8 <= n {
          let word = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
        if i >= n { break }
        let b = buf[i]
        if b < 0x80 {
          i += 1
          continue
        }
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch b {
        case 0xC2...0xDF:
          length = 2
          minimum = 0x80
          scalar = UInt32(b & 0x1F)
        case 0xE0...0xEF:
          length = 3
          minimum = 0x800
          scalar = UInt32(b & 0x0F)
        case 0xF0...0xF4:
          length = 4
          minimum = 0x10000
          scalar = UInt32(b & 0x07)
        default: return false
        }
        if i + length > n { return false }
        for k in 1..<length {
          let c = buf[i + k]
          if c & 0xC0 != 0x80 { return false }
          scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
          return false
        }
        i += length
      }
      return true
    }
  }

  @inline(__always)
  static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80:
      out.append(UInt8(v))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | v >> 6))
      out.append(UInt8(0x80 | v & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | v >> 12))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    default:
      out.append(UInt8(0xF0 | v >> 18))
      out.append(UInt8(0x80 | v >> 12 & 0x3F))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    }
  }

  // MARK: UTF-16 and UTF-32

  /// Unpaired surrogates and a dangling odd byte become U+FFFD rather than an error:
  /// the rest of the file is still worth reading.
  static func fromUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = bytes.startIndex
    let end = bytes.endIndex
    func unit(_ at: Int) -> UInt32 {
      bigEndian
        ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
    }
    while i + 1 < end {
      let u = unit(i)
      i += 2
      if (0xD800...0xDBFF).contains(u), i + 1 < end {
        let low = unit(i)
        if (0xDC00...0xDFFF).contains(low) {
          i += 2
          appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
          continue
        }
      }
      appendUTF8((0xD800...0xDFFF).contains(u) ? 0xFFFD : u, to: &out)
    }
    if i < end { appendUTF8(0xFFFD, to: &out) }
    return out
  }

  static func fromUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i + 3 < bytes.endIndex {
      let b = (0..<4).map { UInt32(bytes[i + $0]) }
      let v =
        bigEndian
        ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
      let valid = v <= 0x10FFFF && !(0xD800...0xDFFF).contains(v)
      appendUTF8(valid ? v : 0xFFFD, to: &out)
      i += 4
    }
    if i < bytes.endIndex { appendUTF8(0xFFFD, to: &out) }
    return out
  }

  // MARK: Single-byte encodings

  static func fromCP1252(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for b in bytes {
      if b < 0x80 {
        out.append(b)
      } else if b < 0xA0 {
        appendUTF8(UInt32(cp1252C1[Int(b - 0x80)]), to: &out)
      } else {
        appendUTF8(UInt32(b), to: &out)
      }
    }
    return out
  }

  /// Latin-1 when `high` is nil; otherwise `high` maps 0xA0…0xFF.
  static func fromSingleByte(_ bytes: [UInt8], high: [UInt16]?) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for b in bytes {
      if b < 0x80 {
        out.append(b)
      } else if let high, b >= 0xA0 {
        appendUTF8(UInt32(high[Int(b - 0xA0)]), to: &out)
      } else {
        appendUTF8(UInt32(b), to: &out)
      }
    }
    return out
  }

  /// Windows-1252 0x80…0x9F. The five undefined bytes keep their C1 control, as the
  /// WHATWG encoding standard decodes them.
  static let cp1252C1: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// ISO-8859-7 (Greek) 0xA0…0xFF; unassigned bytes become U+FFFD.
  static let iso8859_7High: [UInt16] = [
    0x00A0, 0x2018, 0x2019, 0x00A3, 0x20AC, 0x20AF, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x037A, 0x00AB, 0x00AC, 0x00AD, 0xFFFD, 0x2015,
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x0384, 0x0385, 0x0386, 0x00B7,
    0x0388, 0x0389, 0x038A, 0x00BB, 0x038C, 0x00BD, 0x038E, 0x038F,
    0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395, 0x0396, 0x0397,
    0x0398, 0x0399, 0x039A, 0x039B, 0x039C, 0x039D, 0x039E, 0x039F,
    0x03A0, 0x03A1, 0xFFFD, 0x03A3, 0x03A4, 0x03A5, 0x03A6, 0x03A7,
    0x03A8, 0x03A9, 0x03AA, 0x03AB, 0x03AC, 0x03AD, 0x03AE, 0x03AF,
    0x03B0, 0x03B1, 0x03B2, 0x03B3, 0x03B4, 0x03B5, 0x03B6, 0x03B7,
    0x03B8, 0x03B9, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BE, 0x03BF,
    0x03C0, 0x03C1, 0x03C2, 0x03C3, 0x03C4, 0x03C5, 0x03C6, 0x03C7,
    0x03C8, 0x03C9, 0x03CA, 0x03CB, 0x03CC, 0x03CD, 0x03CE, 0xFFFD,
  ]
}
