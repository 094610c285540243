/// The language of every message the tool writes for people.
public enum Language: String, Sendable, CaseIterable {
  case id, en
}

/// Fills `{name}` placeholders of a message template in one pass; a placeholder
/// with no parameter stays as written, and a value is never filled again (so a
/// cell holding `{kolom}` is shown as typed).
func fill(_ template: String, _ params: [String: String]) -> String {
  var out = ""
  out.reserveCapacity(template.utf8.count + 32)
  var rest = Substring(template)
  while let open = rest.firstIndex(of: "{") {
    out += rest[..<open]
    rest = rest[open...]
    let afterOpen = rest.index(after: open)
    guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
    if let value = params[String(rest[afterOpen..<close])] {
      out += value
      rest = rest[rest.index(after: close)...]
    } else {
      out += "{"
      rest = rest[afterOpen...]
    }
  }
  out += rest
  return out
}
