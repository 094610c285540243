/// The tool's version, written into every output (`alat.versi`).
public enum ToolVersion {
  public static let current = "0.1.0"
  /// The version of the blank workbook `pipeline template` makes, stamped into
  /// it (see `TemplateStamp`). Bump it when a template made before would now be
  /// read wrongly or incompletely: a column, sheet or dropdown list added,
  /// renamed or removed, or a codelist edition changed (docs/ARCHITECTURE.md).
  /// A workbook stamped with an older version gets `templat-kedaluwarsa`.
  public static let template = 2
}

/// Where a template carries its version: cell A2 (under the label "Versi
/// Templat" in A1) of its hidden list sheet, the sheet that feeds the dropdowns.
/// A cell survives Excel, LibreOffice and Google Sheets saving the workbook, and
/// the reader reads it like any other sheet.
public enum TemplateStamp {
  public static let sheetName = "Daftar Pilihan"
  public static let label = "Versi Templat"
}
