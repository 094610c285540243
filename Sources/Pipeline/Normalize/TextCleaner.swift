import Foundation

/// Text as SPEC §4 wants it: trimmed, inner whitespace collapsed, invisible
/// characters removed, a lone dash read as "no value".
public enum TextCleaner {
  /// Trims, collapses every run of whitespace (NBSP, other Unicode spaces and line
  /// breaks included) to one space, removes zero-width characters, and turns a value
  /// of only `-`, `–` or `—` into "". Case is kept.
  public static func clean(_ s: String) -> String {
    if isAlreadyClean(s) { return s == "-" ? "" : s }
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for u in s.unicodeScalars {
      if isZeroWidth(u) { continue }
      if isSpace(u) {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(u)
    }
    let result = String(out)
    switch result {
    case "-", "\u{2013}", "\u{2014}": return ""
    default: return result
    }
  }

  /// The matching key for headers, codelist names and enumeration labels: case and
  /// diacritics folded, everything but letters and digits removed, so that
  /// `Nama Aplikasi`, `nama_aplikasi` and `NAMA-APLIKASI` meet.
  public static func key(_ s: String) -> String {
    var ascii = true
    for b in s.utf8 where b >= 0x80 {
      ascii = false
      break
    }
    if ascii {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(s.utf8.count)
      for b in s.utf8 {
        switch b {
        case 0x30...0x39, 0x61...0x7A: bytes.append(b)
        case 0x41...0x5A: bytes.append(b + 0x20)
        default: break
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    var out = String.UnicodeScalarView()
    let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    for u in folded.unicodeScalars {
      let p = u.properties
      if p.isAlphabetic || p.numericType != nil { out.append(u) }
    }
    return String(out)
  }

  /// Whitespace as a reader of a cell means it: every Unicode space, NBSP included.
  static func isSpace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x20, 0x09...0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      return true
    default:
      return false
    }
  }

  static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x200B...0x200D, 0x2060, 0xFEFF: return true
    default: return false
    }
  }

  /// Printable ASCII, single inner spaces, nothing to trim: the common case, no copy.
  private static func isAlreadyClean(_ s: String) -> Bool {
    var previousSpace = true
    var any = false
    for b in s.utf8 {
      if b < 0x20 || b >= 0x7F { return false }
      if b == 0x20 {
        if previousSpace { return false }
        previousSpace = true
      } else {
        previousSpace = false
      }
      any = true
    }
    return !any || !previousSpace
  }
}
