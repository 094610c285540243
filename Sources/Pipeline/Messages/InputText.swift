/// Text read from an input (a file name, a sheet name, a cell), made safe to
/// show on a terminal or in a page: it can only be read, never act.
public enum InputText {
  /// `s` with every character that would act shown instead: control
  /// characters as their Unicode control pictures (␀…␟, ␡), so an escape
  /// sequence in a file name cannot set a terminal's title or clear its screen,
  /// and a line break cannot start a line of its own; C1 controls, bidirectional
  /// controls and line separators as a visible `[U+202E]`, so they cannot
  /// reorder what is around them. Tab stays.
  public static func neutralised(_ s: String) -> String {
    var s = s
    let plain = s.withUTF8 { $0.allSatisfy { b in (b >= 0x20 && b < 0x7F) || b == 0x09 } }
    if plain { return s }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    for u in s.unicodeScalars where u == "\t" || !appendShown(u, to: &out) {
      UTF8.encode(u) { out.append($0) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends what `u` is shown as when it would act (see `neutralised`) and
  /// says so; false, appending nothing, for a character that shows as itself.
  /// The pages' escape calls it for what HTML itself does not handle.
  @inlinable
  public static func appendShown(_ u: Unicode.Scalar, to out: inout [UInt8]) -> Bool {
    switch u.value {
    case 0x00..<0x20: UTF8.encode(Unicode.Scalar(0x2400 + u.value)!) { out.append($0) }
    case 0x7F: out.append(contentsOf: "\u{2421}".utf8)
    case 0x80...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
      out.append(contentsOf: visibleCode(u).utf8)
    default: return false
    }
    return true
  }

  @usableFromInline
  static func visibleCode(_ u: Unicode.Scalar) -> String {
    let hex = String(u.value, radix: 16, uppercase: true)
    return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
  }
}
