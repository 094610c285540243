import Pipeline

/// Markup built from code. Tag names, attribute names and fixed markup are
/// `StaticString` literals, so nothing read from the inputs can become markup;
/// every text and attribute value goes through `HTML.escape`.
public struct HTML {
  public private(set) var output = ""

  public init() {}

  /// Fixed markup written in the source (never a value).
  public mutating func raw(_ s: StaticString) { output += s.description }

  public mutating func text(_ s: String) { output += Self.escape(s) }

  public mutating func open(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:]
  ) {
    output += "<" + tag.description
    for (name, value) in attributes {
      // Links are built by the pages from registry codes (feedback page names),
      // never from cell text; masking digits there would only break them.
      let link = name.description == "href"
      output += " " + name.description + "=\"" + Self.escape(value, mask: !link) + "\""
    }
    output += ">"
  }

  public mutating func close(_ tag: StaticString) { output += "</" + tag.description + ">" }

  /// `<tag>text</tag>`.
  public mutating func element(_ tag: StaticString, _ text: String) {
    element(tag, [:], text)
  }

  /// `<tag …>text</tag>`.
  public mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String>, _ text: String
  ) {
    open(tag, attributes)
    self.text(text)
    close(tag)
  }

  /// `<tag …>` then whatever `body` writes, then `</tag>`.
  public mutating func element(
    _ tag: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:],
    body: (inout HTML) -> Void
  ) {
    open(tag, attributes)
    body(&self)
    close(tag)
  }

  /// The one escape of every value written into a page, in text or in an
  /// attribute: personal numbers masked (`PersonalData`), markup characters as
  /// entities, bidirectional controls shown as a visible `[U+202E]` so they
  /// cannot reorder what is around them, control characters shown as their
  /// Unicode control pictures (␀…␟, ␡), CR dropped.
  public static func escape(_ raw: String, mask: Bool = true) -> String {
    let s = mask ? PersonalData.mask(raw) : raw
    // Most values are plain printable ASCII with nothing to replace.
    var bytes = s
    let plain = bytes.withUTF8 {
      $0.allSatisfy { b in
        b >= 0x20 && b < 0x7F && b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x27
      }
    }
    if plain { return s }
    // Bytes, not a String.UnicodeScalarView: appending scalars one by one to a
    // view is many times slower than to a byte array.
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 32)
    for u in s.unicodeScalars {
      switch u.value {
      case 0x26: out.append(contentsOf: "&amp;".utf8)
      case 0x3C: out.append(contentsOf: "&lt;".utf8)
      case 0x3E: out.append(contentsOf: "&gt;".utf8)
      case 0x22: out.append(contentsOf: "&quot;".utf8)
      case 0x27: out.append(contentsOf: "&#39;".utf8)
      case 0x09, 0x0A: out.append(UInt8(u.value))
      case 0x0D: continue
      case 0x20..<0x7F: out.append(UInt8(u.value))
      default:
        // The same pictures and codes as the terminal shows (`InputText`).
        if !InputText.appendShown(u, to: &out) { UTF8.encode(u) { out.append($0) } }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
