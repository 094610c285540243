/// A JSON document with object keys kept in the order they were added, so every
/// output is laid out as its contract says and is byte-identical across runs.
public enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// `nil` becomes `null`.
  public static func string(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
}

/// Serializes `JSON` deterministically: two-space indentation (or compact),
/// escapes as RFC 8259 requires, shortest round-tripping numbers.
public struct JSONWriter {
  public var pretty: Bool
  public init(pretty: Bool = true) { self.pretty = pretty }

  public func render(_ value: JSON) -> String {
    var out = ""
    out.reserveCapacity(1 << 12)
    write(value, into: &out, indent: 0)
    if pretty { out.append("\n") }
    return out
  }

  public func write(_ value: JSON, into out: inout String, indent: Int) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += JSONWriter.number(d)
    case .string(let s): JSONWriter.quote(s, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        newline(&out, indent + 1)
        write(item, into: &out, indent: indent + 1)
      }
      newline(&out, indent)
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, (key, item)) in members.enumerated() {
        if i > 0 { out += "," }
        newline(&out, indent + 1)
        JSONWriter.quote(key, into: &out)
        out += pretty ? ": " : ":"
        write(item, into: &out, indent: indent + 1)
      }
      newline(&out, indent)
      out += "}"
    }
  }

  private func newline(_ out: inout String, _ indent: Int) {
    guard pretty else { return }
    out += "\n"
    out += String(repeating: "  ", count: indent)
  }

  /// Integral values print without a fraction; non-finite values (which JSON
  /// cannot hold) print as `null`.
  public static func number(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d == d.rounded(), abs(d) < 9.007_199_254_740_992e15 {
      return String(Int64(d))
    }
    return "\(d)"
  }

  public static func quote(_ s: String, into out: inout String) {
    out.append("\"")
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out.append("\"")
  }
}
