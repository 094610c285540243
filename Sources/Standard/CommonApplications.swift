/// The Aplikasi Umum designated by KemenPAN RB and the national (K/L)
/// applications regencies run (`aplikasi-umum.csv`): how an application is
/// classed `umum`, `khusus-nasional` or `khusus-daerah`.
public struct CommonApplicationList: Sendable {
  public struct Entry: Sendable, Hashable {
    public let name: String
    public let aliases: [String]
    /// The owning ministry or agency.
    public let owner: String
    /// `umum` or `khusus-nasional`.
    public let kind: String
    /// The RAA code of what it does (level 2), empty when not given.
    public let raa: String
    /// Words or phrases naming what it does, for finding local applications
    /// that do the same (migration candidates).
    public let keywords: [String]
    public let source: String
  }

  public let entries: [Entry]

  public init(entries: [Entry]) { self.entries = entries }

  public static let kinds = ["umum", "khusus-nasional"]
}

extension CommonApplicationList {
  init(table: CodelistTable) throws {
    let (n, a, p, k, r, w, s) = try (
      table.column("nama"), table.column("alias"), table.column("pemilik"),
      table.column("kelas"), table.column("raa"), table.column("kata_kunci"),
      table.column("sumber")
    )
    func split(_ v: String) -> [String] {
      v.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
      }
    }
    var entries: [Entry] = []
    for (i, row) in table.rows.enumerated() {
      let kind = table.value(row, k)
      guard !table.value(row, n).isEmpty, Self.kinds.contains(kind) else {
        throw StandardError.badRow(file: table.file, row: i + 2, detail: "nama/kelas")
      }
      entries.append(
        Entry(
          name: table.value(row, n), aliases: split(table.value(row, a)),
          owner: table.value(row, p), kind: kind, raa: table.value(row, r),
          keywords: split(table.value(row, w)), source: table.value(row, s)))
    }
    self.init(entries: entries)
  }
}
