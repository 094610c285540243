import Standard

/// What a column of a table is for.
public enum ColumnRole: Sendable, Hashable {
  case field(String)
  /// One of the split Level 1/2/3 columns of a code field.
  case level(field: String, level: Int)
  /// The "No" column: known, not exported.
  case number
  /// A column the standard does not know: kept in `tambahan`.
  case extra
}

/// Recognizes a domain's column labels: labels and aliases of its fields, the
/// split code columns, the "No" column; case, spacing and punctuation ignored.
struct HeaderMatcher {
  let domain: Domain
  private let roles: [String: ColumnRole]

  /// Split code columns go down to Level 5: the official forms add Level 4/5
  /// columns for the local codes below the national ones (SPEC §4).
  static let deepestLevel = 5

  init(domain: Domain, standard: Standard) {
    self.domain = domain
    var roles: [String: ColumnRole] = [:]
    for alias in standard.noColumnAliases { roles[MatchKey.of(alias)] = .number }
    // Level columns first, so that a field's own label or alias wins a clash
    // (`RAB Level 3` alone is the field itself).
    for field in domain.fields {
      for template in field.levelAliases {
        for n in 1...Self.deepestLevel {
          let label = template.replacingOccurrences(of: "{n}", with: String(n))
          roles[MatchKey.of(label)] = .level(field: field.key, level: n)
        }
      }
    }
    for field in domain.fields {
      for spelling in [field.label] + field.aliases {
        roles[MatchKey.of(spelling)] = .field(field.key)
      }
    }
    self.roles = roles
  }

  /// The role of a label. What follows the label itself does not hide it: a
  /// note in parentheses (`Nama Aplikasi (wajib)`, `→ Unit Kerja (Dependency)`,
  /// `Klasifikasi Tier (Tier 1 – Tier 4)`), a required marker (`*`), a hint on
  /// the lines below the first; arrows are punctuation to the match key.
  func role(of label: String) -> ColumnRole {
    if let r = exactRole(of: label) { return r }
    if let newline = label.utf8.firstIndex(of: UInt8(ascii: "\n")), newline > label.startIndex,
      let r = exactRole(of: String(label[..<newline]))
    {
      return r
    }
    return .extra
  }

  private func exactRole(of label: String) -> ColumnRole? {
    let key = MatchKey.of(label)
    guard !key.isEmpty else { return nil }
    if let r = roles[key] { return r }
    // A byte search: data rows under a title are tried as headers too, and their
    // long texts made a Character search the costliest part of finding a header.
    if let open = label.utf8.firstIndex(of: UInt8(ascii: "(")), open > label.startIndex {
      let stripped = MatchKey.of(String(label[..<open]))
      if let r = roles[stripped] { return r }
    }
    return nil
  }

  /// The fields a row of labels names (levels count for their field).
  static func fields(of roles: [ColumnRole]) -> Set<String> {
    var found = Set<String>()
    for role in roles {
      switch role {
      case .field(let f): found.insert(f)
      case .level(let f, _): found.insert(f)
      default: break
      }
    }
    return found
  }

  /// The distinct roles a row of labels names (a field's split levels count
  /// apart), to prefer the reading of a header that explains more columns.
  static func distinct(_ roles: [ColumnRole]) -> Set<ColumnRole> {
    Set(roles.filter { $0 != .extra && $0 != .number })
  }

  /// Whether the labels name every required field except `opd` (SPEC §2: how a
  /// sheet whose name says nothing is recognized by its header).
  func coversRequired(_ fields: Set<String>) -> Bool {
    domain.requiredFields.allSatisfy { $0.key == "opd" || fields.contains($0.key) }
  }
}
