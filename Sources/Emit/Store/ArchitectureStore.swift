import Foundation
import GRDB
import Pipeline
import Standard

/// `arsitektur.sqlite`: the consolidated architecture as SQL tables for
/// analysts (`sqlite3`, DB Browser for SQLite, Python), through GRDB. The
/// tables are `StoreTable.all`; the schema is documented in `docs/sqlite.md`.
/// The same inputs give the same rows and values (the file's bytes may differ).
struct ArchitectureStore: Emitter {
  static let name = "arsitektur.sqlite"
  /// `PRAGMA user_version` and `keterangan.skema_sqlite`: bumped when a table
  /// or column changes meaning or goes away.
  static let schemaVersion = 1
  /// Findings whose messages are rendered side by side before their rows go in.
  static let messageBlock = 8192

  let context: EmitContext

  init(_ context: EmitContext) { self.context = context }

  /// Writes the store at `path` (a fresh file in the staging folder); the
  /// folder's commit makes it durable, so SQLite keeps no journal and does
  /// not sync on its own.
  func write(to path: String) throws {
    var config = GRDB.Configuration()
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA journal_mode = OFF")
      try db.execute(sql: "PRAGMA synchronous = OFF")
    }
    let input = StoreInput(context: context, sendList: SendList(architecture, standard: standard))
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA user_version = \(Self.schemaVersion)")
        try db.inTransaction {
          for table in StoreTable.all(standard) {
            try db.execute(sql: table.createSQL)
            let statement = try db.makeStatement(sql: table.insertSQL)
            try table.rows(input) { values in
              statement.setUncheckedArguments(StatementArguments(values))
              try statement.execute()
            }
            for sql in table.indexSQL { try db.execute(sql: sql) }
          }
          return .commit
        }
      }
      try queue.close()
    } catch let e as DatabaseError {
      throw OutputFolder.Failure.unwritable(path: Self.name, code: Self.errno(of: e))
    }
  }

  /// Hands every finding's index and its `pesan` and `saran` to `body`, in
  /// order; the messages of a block are rendered side by side on the
  /// `paralel` workers first, so only one block is held.
  static func withMessages(
    _ context: EmitContext, _ body: (Int, (message: String, fix: String?)) throws -> Void
  ) throws {
    let findings = context.architecture.findings
    let lang = context.configuration.language
    var start = 0
    while start < findings.count {
      let end = min(findings.count, start + messageBlock)
      let slots = Slots<(message: String, fix: String?)>(end - start)
      let first = start
      Parallel.forEach(end - start, workers: context.configuration.jobs) { k in
        slots[k] = Catalog.render(findings[first + k], lang: lang)
      }
      for (k, m) in slots.take().enumerated() { try body(first + k, m) }
      start = end
    }
  }

  /// The errno behind a failed write (a full disk, no permission), for the
  /// outputs' message; EIO when SQLite says no more.
  static func errno(of e: DatabaseError) -> Int32 {
    switch e.resultCode {
    case .SQLITE_FULL: return ENOSPC
    case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_CANTOPEN: return EACCES
    default: return EIO
    }
  }
}
