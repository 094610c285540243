/// The language of every message the tool writes for people.
public enum Language: String, Sendable, CaseIterable {
  case id, en
}

/// Fills `{name}` placeholders of a message template.
func fill(_ template: String, _ params: [String: String]) -> String {
  var out = template
  for (k, v) in params {
    out = out.replacingOccurrences(of: "{\(k)}", with: v)
  }
  return out
}
