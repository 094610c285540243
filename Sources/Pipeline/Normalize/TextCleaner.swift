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
    var s = s
    // Over the contiguous bytes: iterating `s.utf8` costs several times more.
    return s.withUTF8 { isAlreadyClean(bytes: $0) }
  }

  private static func isAlreadyClean(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previousSpace = true
    var any = false
    for b in bytes {
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
