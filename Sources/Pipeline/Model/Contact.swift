/// Who filled a workbook in, as its `Identitas` sheet says (Nama Pengisi,
/// Jabatan, Kontak, Tanggal Pengisian): the person staff send the feedback to.
/// Values as written, cleaned; the date as `YYYY-MM-DD` when the cell is a date.
public struct Contact: Sendable, Equatable {
  public var name: String?
  public var position: String?
  public var contact: String?
  public var filledOn: String?

  public init(
    name: String? = nil, position: String? = nil, contact: String? = nil, filledOn: String? = nil
  ) {
    self.name = name
    self.position = position
    self.contact = contact
    self.filledOn = filledOn
  }

  public var isEmpty: Bool { name == nil && position == nil && contact == nil && filledOn == nil }
}

extension Architecture {
  /// The contact of OPD `code`: from the first of its files (in path order)
  /// whose Identitas names one; nil when none does.
  public func contact(of code: String) -> Contact? {
    for path in byOPD.files[code] ?? [] {
      if let c = sources.first(where: { $0.path == path })?.contact, !c.isEmpty { return c }
    }
    return nil
  }

  /// OPD code → its contact, for every OPD that gave one (computed in one pass
  /// over the sources, for outputs that list every OPD).
  public func contacts() -> [String: Contact] {
    var byPath: [String: Contact] = [:]
    for s in sources { if let c = s.contact, !c.isEmpty { byPath[s.path] = c } }
    var out: [String: Contact] = [:]
    for (code, files) in byOPD.files {
      if let c = files.lazy.compactMap({ byPath[$0] }).first { out[code] = c }
    }
    return out
  }
}
