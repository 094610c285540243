extension Standard {
  /// The per-field keys of `domains.json` beyond a field's type (`lunak`,
  /// `berlaku_untuk`, `tidak_sebelum`, `kolom_jamak`) checked against the
  /// domain they sit in, so that a mistake in the data file fails loading
  /// with a typed error instead of being ignored.
  static func checkFieldKeys(_ domain: Domain, enumerations: [String: Enumeration]) throws {
    for field in domain.fields {
      func bad(_ key: String, _ detail: String) -> StandardError {
        .badFieldKey(field: "\(domain.key).\(field.key)", key: key, detail: detail)
      }
      if field.lenient && field.required {
        throw bad("lunak", "a required field cannot be lenient")
      }
      for (key, codes) in field.appliesTo {
        guard let other = domain.field(key), key != field.key else {
          throw bad("berlaku_untuk", "no field \(key) in \(domain.key)")
        }
        guard case .choice(let list) = other.type, let e = enumerations[list] else {
          throw bad("berlaku_untuk", "\(key) is not a pilihan field")
        }
        if codes.isEmpty { throw bad("berlaku_untuk", "no codes for \(key)") }
        for code in codes where !e.values.contains(where: { $0.code == code }) {
          throw bad("berlaku_untuk", "\(code) is not a code of \(list)")
        }
      }
      if let key = field.notBefore {
        guard field.type == .date, let other = domain.field(key), other.type == .date,
          key != field.key
        else { throw bad("tidak_sebelum", "\(key) is not another tanggal field") }
      }
      if field.multiColumn {
        guard case .reference = field.type else {
          throw bad("kolom_jamak", "only a ref field takes several columns")
        }
      }
    }
  }
}
