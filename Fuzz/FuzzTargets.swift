// libFuzzer targets for the spreadsheet reader, compiled by `scripts/fuzz`
// together with the sources of Sources/Spreadsheet (one module, so the
// internal parsers are reachable without widening the public API).
//
// FUZZ_TARGET picks the target:
//   xlsx           the bytes are a whole file: zip, OPC, every part
//   workbook, rels, sharedstrings, styles, worksheet
//                  the bytes are that one XML part of an otherwise sound package
//   csv            the bytes are a CSV file
//   paket          the bytes are a zip paket: its members listed, each read
//                  into its temporary and opened as a workbook or CSV
//
// A typed ReadError is the expected answer to bad input; a crash, a hang or a
// memory blow-up is a finding.

import CLibZip
import Foundation

private let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "xlsx"
private let scratch = "/dev/shm/pipeline-fuzz-\(getpid())"
private let limits: ReadLimits = {
  // Small enough that a legitimate limit error, not the machine, stops big inputs.
  var l = ReadLimits()
  l.maxPartBytes = 64 << 20
  l.maxCSVBytes = 64 << 20
  l.maxSheetCells = 2_000_000
  return l
}()

private let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
private let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
private let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"

/// A sound package; one of its parts is replaced by the fuzzer's bytes.
private let template: [(String, String)] = [
  (
    "[Content_Types].xml",
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"
  ),
  (
    "_rels/.rels",
    "<?xml version=\"1.0\"?><Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
  ),
  (
    "xl/workbook.xml",
    "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><workbookPr date1904=\"0\"/><sheets><sheet name=\"Aplikasi\" sheetId=\"1\" r:id=\"r1\"/><sheet name=\"B\" sheetId=\"2\" state=\"hidden\" r:id=\"r2\"/></sheets></workbook>"
  ),
  (
    "xl/_rels/workbook.xml.rels",
    "<?xml version=\"1.0\"?><Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"r2\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/><Relationship Id=\"r3\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"r4\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
  ),
  (
    "xl/sharedStrings.xml",
    "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\"><si><t>Nama</t></si><si><r><t>Ap</t></r><r><t>likasi</t></r><rPh><t>x</t></rPh></si></sst>"
  ),
  (
    "xl/styles.xml",
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"46\"/></cellXfs></styleSheet>"
  ),
  (
    "xl/worksheets/sheet1.xml",
    "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row><row r=\"2\" hidden=\"1\"><c r=\"A2\" s=\"1\"><v>45000</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"e\"><v>#N/A</v></c><c r=\"E2\"><f>A2</f></c><c r=\"F2\" s=\"2\"><v>1.5</v></c></row></sheetData><mergeCells><mergeCell ref=\"A2:A5\"/></mergeCells></worksheet>"
  ),
]

private let partOfTarget = [
  "workbook": "xl/workbook.xml", "rels": "xl/_rels/workbook.xml.rels",
  "sharedstrings": "xl/sharedStrings.xml", "styles": "xl/styles.xml",
  "worksheet": "xl/worksheets/sheet1.xml",
]

private func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) {
  let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
  precondition(fd >= 0, "cannot write \(path)")
  var offset = 0
  while offset < bytes.count {
    let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
    precondition(n > 0)
    offset += n
  }
  close(fd)
}

/// The template package with `part` replaced by `bytes`, stored uncompressed.
private func writePackage(
  _ path: String, replacing part: String, with bytes: UnsafeRawBufferPointer
) {
  var error: Int32 = 0
  guard let za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &error) else { fatalError("zip_open") }
  for (name, text) in template {
    let data: [UInt8] = name == part ? Array(bytes) : Array(text.utf8)
    let buffer = malloc(max(1, data.count))!
    data.withUnsafeBytes { if let b = $0.baseAddress { memcpy(buffer, b, data.count) } }
    // freep = 1: libzip frees the buffer.
    guard let source = zip_source_buffer(za, buffer, zip_uint64_t(data.count), 1) else {
      fatalError("zip_source_buffer")
    }
    let index = zip_file_add(za, name, source, zip_flags_t(ZIP_FL_OVERWRITE))
    precondition(index >= 0)
    zip_set_file_compression(za, zip_uint64_t(index), ZIP_CM_STORE, 0)
  }
  precondition(zip_close(za) == 0)
}

private func readAll(_ source: any SheetSource) {
  for i in source.sheets.indices {
    _ = try? source.readSheet(i) { row in _ = row.cells.count }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: data, count: size)
  switch target {
  case "csv":
    let path = scratch + ".csv"
    writeFile(path, bytes)
    if let doc = try? CSVDocument(path: path, limits: limits) { readAll(doc) }
  case "xlsx":
    let path = scratch + ".xlsx"
    writeFile(path, bytes)
    if let wb = try? XLSXWorkbook(path: path, limits: limits) { readAll(wb) }
  case "paket":
    let path = scratch + ".zip"
    writeFile(path, bytes)
    guard let file = try? ReadableFile(path: path),
      let paket = try? Paket.open(file, limits: limits)
    else { break }
    for m in paket.members where m.kind == .file {
      guard let member = try? paket.read(m, as: m.name) else { continue }
      if let wb = try? XLSXWorkbook(file: member, limits: limits) {
        readAll(wb)
      } else if let doc = try? CSVDocument(file: member, limits: limits) {
        readAll(doc)
      }
    }
  default:
    guard let part = partOfTarget[target] else { fatalError("unknown FUZZ_TARGET \(target)") }
    let path = scratch + ".xlsx"
    writePackage(path, replacing: part, with: bytes)
    if let wb = try? XLSXWorkbook(path: path, limits: limits) { readAll(wb) }
  }
  return 0
}
