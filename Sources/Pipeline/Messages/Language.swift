/// The language of every message the tool writes for people.
public enum Language: String, Sendable, CaseIterable {
  case id, en
}

/// Fills `{name}` placeholders of a message template in one pass; a placeholder
/// with no parameter stays as written, and a value is never filled again (so a
/// cell holding `{kolom}` is shown as typed).
public func fill(_ template: String, _ params: [String: String]) -> String {
  fill(template) { params[$0] }
}

/// `fill` with the parameters looked up by `value` (no dictionary per message).
func fill(_ template: String, _ value: (String) -> String?) -> String {
  var template = template
  return template.withUTF8 { t in
    var out: [UInt8] = []
    out.reserveCapacity(t.count + 64)
    var i = 0
    while i < t.count {
      if t[i] == UInt8(ascii: "{"),
        let close = t[(i + 1)...].firstIndex(of: UInt8(ascii: "}")),
        let v = value(String(decoding: t[(i + 1)..<close], as: UTF8.self))
      {
        out.append(contentsOf: v.utf8)
        i = close + 1
      } else {
        out.append(t[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
