import Foundation

/// The shared-string table: rich runs flattened, phonetic runs (`rPh`) ignored.
/// (Excel 2007 beta files name the items `sstItem` instead of `si`.)
final class SharedStringsHandler: SAXHandler {
  var strings: [String] = []
  var maxCount = Int.max
  private var buffer: [UInt8] = []
  private var inItem = false
  private var inText = false
  private var phonetic = 0
  private var namespaces = NamespaceFilter(Namespace.spreadsheet)

  override func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {
    guard namespaces.accepts(uri) else { return }
    switch name[0] {
    case UInt8(ascii: "s") where nameIs(name, "si") || nameIs(name, "sstItem"):
      inItem = true
      buffer.removeAll(keepingCapacity: true)
    case UInt8(ascii: "t") where name[1] == 0:
      inText = inItem && phonetic == 0
    case UInt8(ascii: "r") where nameIs(name, "rPh"):
      phonetic += 1
    default: break
    }
  }

  override func end(_ name: XMLName, _ uri: XMLName?) {
    guard namespaces.accepts(uri) else { return }
    switch name[0] {
    case UInt8(ascii: "s") where nameIs(name, "si") || nameIs(name, "sstItem"):
      guard strings.count < maxCount else {
        fail(ReadError.limitExceeded(.sharedStrings, part: part))
        return
      }
      strings.append(XMLText.decode(buffer))
      inItem = false
    case UInt8(ascii: "t") where name[1] == 0:
      inText = false
    case UInt8(ascii: "r") where nameIs(name, "rPh"):
      phonetic -= 1
    default: break
    }
  }

  override func text(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    if inText { buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
  }
}

/// Text as SpreadsheetML stores it.
enum XMLText {
  /// UTF-8 bytes to a String, decoding `_xHHHH_` escapes (how OOXML writes
  /// characters XML cannot hold, such as `_x000D_` for a carriage return).
  static func decode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.count >= 7, memchr(bytes.baseAddress!, 0x5F, bytes.count) != nil else {
      return String(decoding: bytes, as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var pendingHigh: UInt32?
    var i = 0
    let n = bytes.count
    while i < n {
      if bytes[i] == 0x5F, i + 6 < n, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F,
        let v = hex4(bytes, i + 2)
      {
        if (0xD800..<0xDC00).contains(v) {
          pendingHigh = v
        } else if (0xDC00..<0xE000).contains(v), let hi = pendingHigh {
          appendScalar(0x10000 + ((hi - 0xD800) << 10) + (v - 0xDC00), &out)
          pendingHigh = nil
        } else if let scalar = Unicode.Scalar(v) {
          appendScalar(scalar.value, &out)
        }
        i += 7
        continue
      }
      pendingHigh = nil
      out.append(bytes[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
    var v: UInt32 = 0
    for k in at..<(at + 4) {
      let c = b[k]
      let d: UInt8
      switch c {
      case 0x30...0x39: d = c - 0x30
      case 0x41...0x46: d = c - 0x41 + 10
      case 0x61...0x66: d = c - 0x61 + 10
      default: return nil
      }
      v = v << 4 | UInt32(d)
    }
    return v
  }

  private static func appendScalar(_ v: UInt32, _ out: inout [UInt8]) {
    guard let s = Unicode.Scalar(v) else { return }
    out.append(contentsOf: Array(String(Character(s)).utf8))
  }
}
