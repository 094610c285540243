import GRDB
import Pipeline
import Standard

/// A column of the store: its name and SQLite type (`TEXT`, `INTEGER`, `REAL`).
struct StoreColumn: Sendable {
  let name: String
  let type: String
  init(_ name: String, _ type: String) {
    self.name = name
    self.type = type
  }
}

/// What the rows of every table are made from: the run, and what several
/// tables read (computed once).
struct StoreInput: Sendable {
  let context: EmitContext
  let sendList: SendList
}

/// One table of `arsitektur.sqlite`: its columns, primary key, indexes, and
/// its rows in output order. The tables are data (`StoreTable.all`): a table
/// added later (the history's `putaran`) is one more entry there.
struct StoreTable: Sendable {
  let name: String
  let columns: [StoreColumn]
  let primaryKey: String?
  /// Each index: the columns it covers, in order.
  let indexes: [[String]]
  /// Hands each row, in order, its values in column order, to `insert`.
  let rows: @Sendable (StoreInput, _ insert: ([DatabaseValue]) throws -> Void) throws -> Void

  init(
    _ name: String, columns: [StoreColumn], primaryKey: String? = nil, indexes: [[String]] = [],
    rows: @escaping @Sendable (StoreInput, ([DatabaseValue]) throws -> Void) throws -> Void
  ) {
    self.name = name
    self.columns = columns
    self.primaryKey = primaryKey
    self.indexes = indexes
    self.rows = rows
  }

  var createSQL: String {
    let cols = columns.map { c in
      "\"\(c.name)\" \(c.type)" + (c.name == primaryKey ? " PRIMARY KEY" : "")
    }
    return "CREATE TABLE \"\(name)\" (" + cols.joined(separator: ", ") + ")"
  }

  var insertSQL: String {
    "INSERT INTO \"\(name)\" VALUES (" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
  }

  var indexSQL: [String] {
    indexes.map { cols in
      "CREATE INDEX \"idx_\(name)_\(cols.joined(separator: "_"))\" ON \"\(name)\" ("
        + cols.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
    }
  }
}

/// Values as the store holds them.
enum StoreValue {
  static func text(_ s: String?) -> DatabaseValue { s?.databaseValue ?? .null }
  static func int(_ i: Int?) -> DatabaseValue { i.map { Int64($0).databaseValue } ?? .null }

  /// Compact JSON text (lists, `tambahan`, nested parts).
  static func json(_ v: JSON) -> DatabaseValue {
    var s = ""
    JSONWriter(pretty: false).write(v, into: &s, indent: 0)
    return s.databaseValue
  }

  static func strings(_ l: [String]) -> DatabaseValue { json(.array(l.map(JSON.string))) }

  /// A field's value: text, a number, an ISO date, a list as a JSON array;
  /// an empty reference list `[]` as in the JSON, any other empty field NULL.
  static func field(_ v: Value?, _ f: Field) -> DatabaseValue {
    guard let v else {
      if case .reference = f.type { return "[]".databaseValue }
      return .null
    }
    switch v {
    case .text(let s): return s.databaseValue
    case .number(let d): return d.databaseValue
    case .integer(let i): return Int64(i).databaseValue
    case .date(let d): return d.iso.databaseValue
    case .list(let l): return strings(l)
    }
  }

  /// The SQLite type of a field of the standard.
  static func type(_ f: Field) -> String {
    switch f.type {
    case .number(_, _, let whole): return whole ? "INTEGER" : "REAL"
    case .rupiah, .year: return "INTEGER"
    default: return "TEXT"
    }
  }

  static func ref(_ r: RecordRef) -> JSON {
    .object([("domain", .string(r.domain)), ("opd", .string(r.opd)), ("id", .string(r.id))])
  }

  static func refs(_ l: [RecordRef]) -> DatabaseValue { json(.array(l.map(ref))) }
}
