import Foundation
import Pipeline
import Standard

/// What a run brings to the emit stage about rounds: the round it records
/// (nil with `--tanpa-riwayat`) and the committed document of the round it is
/// compared with (nil on the first round).
public struct RoundInput: Sendable {
  public var staged: StagedRound?
  public var base: (number: Int, document: Data)?

  public init(staged: StagedRound? = nil, base: (number: Int, document: Data)? = nil) {
    self.staged = staged
    self.base = base
  }

  /// The changes the outputs show, when one of them shows them.
  func changes(_ context: EmitContext) -> RoundChanges? {
    let shown: Set<OutputFormat> = [.perubahan, .laporanHTML, .umpanBalik]
    guard context.configuration.formats.contains(where: shown.contains) else { return nil }
    guard let base,
      let before = RoundSnapshot(document: base.document, standard: context.standard)
    else { return RoundChanges(round: staged?.number) }
    return RoundChanges(
      round: staged?.number, base: base.number, before: before, now: RoundSnapshot(context),
      standard: context.standard)
  }
}

/// `perubahan.json`.
enum ChangesDocument {
  static func text(_ context: EmitContext) -> String {
    var out = ""
    JSONWriter().write(
      (context.changes ?? RoundChanges(round: nil)).document, into: &out, indent: 0)
    return out + "\n"
  }
}

extension StagedRound {
  /// Completes the staged round: the compressed document (rendered here when
  /// `json` was not among the outputs) and `putaran.json`.
  func close(document doc: ArchitectureDocument, _ context: EmitContext) throws {
    if !documentWritten {
      try Emitters.stream({ try appendDocument($0) }, doc.write(to:))
    }
    let a = context.architecture
    let tables = a.sources.flatMap(\.tables)
    let level = a.findingCounts.byLevel
    try close(
      summary: .object([
        ("putaran", .int(number)),
        ("waktu", .string(ArchitectureDocument.rfc3339(context.createdAt))),
        ("keluaran", .string(history.outputs)),
        ("banding", context.changes?.base.map(JSON.int) ?? .null),
        (
          "berkas",
          .array(
            a.sources.map {
              .object([("berkas", .string($0.path)), ("sha256", .string($0.sha256))])
            })
        ),
        (
          "jumlah",
          .object([
            ("berkas", .int(a.sources.count)),
            ("berkas_gagal", .int(a.sources.filter { !$0.readable }.count)),
            ("diterima", .int(tables.reduce(0) { $0 + $1.accepted })),
            ("ditolak", .int(tables.reduce(0) { $0 + $1.rejected })),
            (
              "temuan",
              .object(Severity.allCases.map { ($0.rawValue, .int(level[$0] ?? 0)) })
            ),
          ])
        ),
      ]))
  }
}
