import Spreadsheet
import Standard

/// A value in the standard's form (SPEC §7 value forms).
public enum Value: Sendable, Hashable {
  case text(String)
  case number(Double)
  case integer(Int)
  case date(CivilDate)
  case list([String])
}

/// A record's values by field key. The keys of a domain's fields are held once
/// per table (`Keys`), each record only its values in field order: a dictionary
/// per record took about 1.3 kB of a 200,000-row sheet's memory per row.
public struct FieldValues: Sendable {
  /// Field keys and their slots, shared by the records of a table.
  public final class Keys: Sendable {
    let keys: [String]
    let slot: [String: Int]
    public init(_ keys: [String]) {
      self.keys = keys
      slot = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }
  }

  private let keys: Keys
  private var slots: [Value?] = []
  /// Keys that are not fields of the domain (none in practice).
  private var others: [String: Value] = [:]

  public init(_ keys: Keys) { self.keys = keys }

  public subscript(key: String) -> Value? {
    get {
      if let i = keys.slot[key] { return i < slots.count ? slots[i] : nil }
      return others[key]
    }
    set {
      guard let i = keys.slot[key] else {
        others[key] = newValue
        return
      }
      if slots.isEmpty {
        guard newValue != nil else { return }
        slots = Array(repeating: nil, count: keys.keys.count)
      }
      slots[i] = newValue
    }
  }

  /// The value of the key at `slot` of the shared keys (a domain's field in
  /// `domain.fields` order): no hashing of the key.
  public subscript(slot i: Int) -> Value? {
    get { i < slots.count ? slots[i] : nil }
    set {
      if slots.isEmpty {
        guard newValue != nil else { return }
        slots = Array(repeating: nil, count: keys.keys.count)
      }
      slots[i] = newValue
    }
  }

  /// The keys that hold a value, with their values, in no particular order.
  public var pairs: [(key: String, value: Value)] {
    var out: [(key: String, value: Value)] = []
    for (i, v) in slots.enumerated() { if let v { out.append((keys.keys[i], v)) } }
    return out + others.map { ($0.key, $0.value) }
  }

  /// The text value of `key`, when it holds text.
  public func text(_ key: String) -> String? {
    if case .text(let s)? = self[key] { return s }
    return nil
  }

  public var count: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } + others.count }
}

/// Cells of a row by column label (`tambahan`, and the raw values `ditolak`
/// reports). The labels are held once per table; each row keeps its non-empty
/// cells with the position of their label: 24 bytes a cell instead of 40 with
/// a label string beside every cell.
public struct RowCells: RandomAccessCollection, Sendable {
  /// The labels of a table's columns, shared by its rows.
  public final class Labels: Sendable {
    let names: [String]
    public init(_ names: [String]) { self.names = names }
  }

  private let labels: Labels
  private var entries: [(cell: Cell, label: UInt32)] = []

  public init(_ labels: Labels) { self.labels = labels }

  /// `label` is a position in the shared labels.
  public mutating func append(_ cell: Cell, label: Int) {
    entries.append((cell, UInt32(label)))
  }

  public mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

  /// Lets the cells go (the labels stay shared).
  public mutating func removeAll() { entries = [] }

  public var startIndex: Int { 0 }
  public var endIndex: Int { entries.count }
  public subscript(i: Int) -> (String, Cell) {
    (labels.names[Int(entries[i].label)], entries[i].cell)
  }
}

/// Where a record came from.
public struct Origin: Sendable, Hashable {
  public var file: String
  public var sheet: String?
  public var sheetIndex: Int
  public var row: Int
}

/// One data row of a table turned into a record of a domain.
public struct Record: Sendable {
  public var domain: String
  /// The resolved OPD code, when it could be resolved.
  public var opd: String?
  /// Field key → value; a missing key is an empty field.
  public var values: FieldValues
  /// Unknown columns: label → cell, so nothing typed is lost.
  public var extra: RowCells
  /// Every cell of the row by column label, as `ditolak` reports a rejected
  /// record; after consolidation only rejected records keep them.
  public var raw: RowCells
  /// Where each field's value was read (for findings raised in later stages).
  public var fieldColumns: [String: (column: Int, label: String)]
  public var origin: Origin
  /// Indices into the run's findings of the findings about this record.
  public var findings: [Int] = []
  public var rejected = false

  public func text(_ key: String) -> String? { values.text(key) }
}
