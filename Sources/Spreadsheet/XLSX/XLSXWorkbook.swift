import CLibXML2
import CLibZip
import Foundation

/// An XLSX/XLSM workbook read with libzip and libxml2 (streaming SAX2).
///
/// Opening reads the package relationships, the workbook part, the shared
/// strings and the styles; each sheet is streamed on request.
public final class XLSXWorkbook: SheetSource {
  public let format = FileFormat.xlsx
  public private(set) var sheets: [SheetInfo] = []
  /// Whether the workbook uses the 1904 date system.
  public private(set) var date1904 = false

  private let zip: ZipArchive
  private let limits: ReadLimits
  /// The part of each sheet (nil when its relationship leads nowhere).
  private var sheetParts: [String?] = []
  private var sharedStrings: [String] = []
  private var formats: [FormatClass] = []

  public convenience init(path: String, limits: ReadLimits = ReadLimits()) throws {
    try self.init(file: ReadableFile(path: path), limits: limits)
  }

  public init(file: ReadableFile, limits: ReadLimits = ReadLimits()) throws {
    self.limits = limits
    zip = try ZipArchive(file: file)
    let workbookPart = try locateWorkbook()
    if workbookPart.lowercased().hasSuffix(".bin") {
      throw ReadError.unsupportedFormat(.xlsb)
    }
    guard let workbookEntry = zip.entry(workbookPart) else {
      throw ReadError.missingPart(workbookPart)
    }
    let workbook = WorkbookHandler()
    try parse(workbookEntry, workbookPart, workbook)
    date1904 = workbook.date1904

    let relsPart = PartName.relationships(of: workbookPart)
    guard let relsEntry = zip.entry(relsPart) else { throw ReadError.missingPart(relsPart) }
    let rels = RelationshipsHandler()
    try parse(relsEntry, relsPart, rels)
    var byID: [String: Relationship] = [:]
    for rel in rels.relationships where byID[rel.id] == nil { byID[rel.id] = rel }

    for entry in workbook.entries {
      let rel = byID[entry.relationshipID]
      let kind: SheetKind
      switch rel?.kind {
      case "worksheet": kind = .worksheet
      case "chartsheet": kind = .chartsheet
      case nil: kind = .worksheet
      default: kind = .other
      }
      sheets.append(SheetInfo(name: entry.name, state: entry.state, kind: kind))
      if let rel, !rel.external {
        sheetParts.append(PartName.resolve(rel.target, from: workbookPart))
      } else {
        sheetParts.append(nil)
      }
    }

    let parts = rels.relationships.filter { !$0.external }
    if let rel = parts.first(where: { $0.kind == "sharedStrings" }) {
      let part = PartName.resolve(rel.target, from: workbookPart)
      if let entry = zip.entry(part) {
        let handler = SharedStringsHandler()
        handler.maxCount = limits.maxSharedStrings
        try parse(entry, part, handler)
        sharedStrings = handler.strings
      }
    }
    if let rel = parts.first(where: { $0.kind == "styles" }) {
      let part = PartName.resolve(rel.target, from: workbookPart)
      if let entry = zip.entry(part) {
        let handler = StylesHandler()
        try parse(entry, part, handler)
        formats = handler.classes()
      }
    }
  }

  public func readSheet(_ index: Int, _ onRow: (Row) throws -> Void) throws -> SheetTail {
    guard sheets.indices.contains(index) else {
      throw ReadError.noSuchSheet("#\(index + 1)")
    }
    // A chartsheet holds no cells; a sheet without a part is empty.
    guard sheets[index].kind != .chartsheet, let part = sheetParts[index] else {
      return SheetTail()
    }
    guard let entry = zip.entry(part) else { throw ReadError.missingPart(part) }
    let handler = WorksheetHandler(
      sharedStrings: sharedStrings, formats: formats, date1904: date1904)
    try withoutActuallyEscaping(onRow) { deliver in
      handler.deliver = deliver
      defer { handler.deliver = nil }
      try parse(entry, part, handler)
    }
    return SheetTail(merged: handler.merged)
  }

  private func parse(_ entry: Int, _ part: String, _ handler: SAXHandler) throws {
    try SAXParser.parse(zip, entry: entry, part: part, limits: limits, handler: handler)
  }

  /// The workbook part, found as OPC says (the package's officeDocument
  /// relationship), else through the content types; when there is none, the
  /// package is told apart: ODF, Apple Numbers, or not a spreadsheet.
  private func locateWorkbook() throws -> String {
    if let entry = zip.entry("_rels/.rels") {
      let rels = RelationshipsHandler()
      try parse(entry, "_rels/.rels", rels)
      if let rel = rels.relationships.first(where: { $0.kind == "officeDocument" && !$0.external })
      {
        return PartName.resolve(rel.target, from: "")
      }
    }
    if let entry = zip.entry("[Content_Types].xml") {
      let types = ContentTypesHandler()
      try parse(entry, "[Content_Types].xml", types)
      let workbookTypes = [
        "sheet.main+xml", "sheet.macroEnabled.main+xml", "template.main+xml",
        "template.macroEnabled.main+xml", "sheet.binary.macroEnabled.main",
      ]
      if let o = types.overrides.first(where: { o in
        workbookTypes.contains { o.type.hasSuffix($0) }
      }) {
        return PartName.resolve(o.part, from: "")
      }
    }
    if let entry = zip.entry("mimetype") {
      let bytes = try zip.readAll(entry, part: "mimetype", limits: limits, maxBytes: 256)
      let mime = String(decoding: bytes, as: UTF8.self)
      if mime.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
        throw ReadError.unsupportedFormat(.ods)
      }
      throw ReadError.notASpreadsheet
    }
    if zip.entry("Index/Document.iwa") != nil
      || zip.names.contains(where: { $0.hasPrefix("Index/") && $0.hasSuffix(".iwa") })
    {
      throw ReadError.unsupportedFormat(.numbers)
    }
    if zip.entry("xl/workbook.bin") != nil { throw ReadError.unsupportedFormat(.xlsb) }
    if zip.entry("xl/workbook.xml") != nil { return "xl/workbook.xml" }
    if zip.entry("[Content_Types].xml") != nil { throw ReadError.missingPart("_rels/.rels") }
    throw ReadError.notASpreadsheet
  }
}
