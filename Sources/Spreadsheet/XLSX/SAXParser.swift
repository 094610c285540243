import CLibXML2
import Foundation

/// A NUL-terminated UTF-8 string from libxml2.
typealias XMLName = UnsafePointer<UInt8>
/// libxml2's SAX2 attribute array: five pointers per attribute (local name,
/// prefix, URI, value start, value end).
typealias XMLAttributes = UnsafeMutablePointer<UnsafePointer<UInt8>?>

/// Receives the events of one part. Subclasses override what they need; the base
/// class tracks depth and the first failure, which stops the parser.
class SAXHandler {
  var context: xmlParserCtxtPtr?
  @exclusivity(unchecked) var failure: Error?
  @exclusivity(unchecked) var depth = 0
  var maxDepth = 256
  var part = ""

  func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {}
  func end(_ name: XMLName, _ uri: XMLName?) {}
  func text(_ bytes: UnsafePointer<UInt8>, _ count: Int) {}

  /// Records the first failure. The parser is stopped only once the current
  /// callback has returned: stopping frees libxml2's input buffer, which still
  /// holds the names and attribute values the callback is looking at.
  final func fail(_ error: Error) {
    if failure == nil { failure = error }
  }

  @inline(__always)
  final func stopIfFailed() {
    if failure != nil, let context { xmlStopParser(context) }
  }

  /// The line the parser has reached, for messages.
  final var line: Int {
    guard let context else { return 0 }
    return Int(xmlSAX2GetLineNumber(context))
  }
}

/// Feeds a zip entry to a libxml2 push parser in chunks: no tree is ever built.
enum SAXParser {
  static func parse(
    _ zip: ZipArchive, entry: Int, part: String, limits: ReadLimits, handler: SAXHandler
  ) throws {
    handler.part = part
    handler.maxDepth = limits.maxXMLDepth
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    // The handler outlives the parse, so the callbacks borrow it without
    // retaining (no reference counting per event).
    sax.startElementNs = { ctx, name, _, uri, _, _, count, _, attrs in
      Unmanaged<SAXHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { h in
        guard h.failure == nil, let name else { return }
        h.depth += 1
        if h.depth > h.maxDepth {
          h.fail(ReadError.limitExceeded(.xmlDepth, part: h.part))
          h.stopIfFailed()
          return
        }
        h.start(name, uri, Int(count), attrs)
        h.stopIfFailed()
      }
    }
    sax.endElementNs = { ctx, name, _, uri in
      Unmanaged<SAXHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { h in
        guard h.failure == nil, let name else { return }
        h.depth -= 1
        h.end(name, uri)
        h.stopIfFailed()
      }
    }
    let characters: charactersSAXFunc = { ctx, bytes, count in
      Unmanaged<SAXHandler>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { h in
        guard h.failure == nil, let bytes, count > 0 else { return }
        h.text(bytes, Int(count))
        h.stopIfFailed()
      }
    }
    sax.characters = characters
    sax.ignorableWhitespace = characters
    sax.cdataBlock = characters
    // Entity declarations are how "billion laughs" bombs start: refuse them all.
    sax.entityDecl = { ctx, _, _, _, _, _ in
      let h = Unmanaged<SAXHandler>.fromOpaque(ctx!).takeUnretainedValue()
      h.fail(ReadError.limitExceeded(.entityExpansion, part: h.part))
      h.stopIfFailed()
    }
    // A parsed entity reference that is not predefined can only come from a DTD.
    sax.reference = { ctx, _ in
      let h = Unmanaged<SAXHandler>.fromOpaque(ctx!).takeUnretainedValue()
      h.fail(ReadError.limitExceeded(.entityExpansion, part: h.part))
      h.stopIfFailed()
    }
    // Errors are read back from the context; nothing is printed.
    sax.serror = { _, _ in }

    let user = Unmanaged.passUnretained(handler).toOpaque()
    guard let ctxt = xmlCreatePushParserCtxt(&sax, user, nil, 0, part) else {
      throw ReadError.malformedXML(part: part, line: 0, detail: "parser not created")
    }
    defer {
      handler.context = nil
      xmlFreeParserCtxt(ctxt)
    }
    handler.context = ctxt
    let options =
      XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue
      | XML_PARSE_NOERROR.rawValue
    xmlCtxtUseOptions(ctxt, Int32(options))

    var status: Int32 = 0
    try zip.read(entry, part: part, limits: limits) { chunk in
      status = xmlParseChunk(
        ctxt, chunk.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(chunk.count), 0)
      return status == 0 && handler.failure == nil
    }
    if handler.failure == nil, status == 0 {
      status = xmlParseChunk(ctxt, nil, 0, 1)
    }
    if let failure = handler.failure { throw failure }
    if status != 0 || ctxt.pointee.wellFormed == 0 {
      let err = ctxt.pointee.lastError
      var detail = err.message.map { String(cString: $0) } ?? "error \(status)"
      // libxml2 messages may span lines; a read error is reported on one.
      detail = detail.split(whereSeparator: \.isNewline).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }.joined(separator: "; ")
      throw ReadError.malformedXML(part: part, line: Int(err.line), detail: detail)
    }
  }
}

// MARK: - Byte helpers for SAX callbacks (no String is built to compare names)

@inline(__always)
func nameIs(_ p: XMLName, _ s: StaticString) -> Bool {
  let n = s.utf8CodeUnitCount
  let q = s.utf8Start
  for i in 0..<n where p[i] != q[i] { return false }
  return p[n] == 0
}

/// Namespaces of SpreadsheetML, transitional and Strict.
enum Namespace {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main"
  /// Excel 2007 beta files.
  static let betaMain = "http://schemas.microsoft.com/office/excel/2006/2"
  static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let strictRels = "http://purl.oclc.org/ooxml/officeDocument/relationships"
  static let spreadsheet = [main, strictMain, betaMain]
  static let package = "http://schemas.openxmlformats.org/package/2006/relationships"
  static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
}

/// Classifies element namespaces, caching the last URI pointer (libxml2 hands
/// out the same interned pointer for every element of one declaration).
struct NamespaceFilter {
  private var lastURI: XMLName?
  private var lastAccepted = false
  private let accepted: [[UInt8]]

  init(_ uris: [String]) { accepted = uris.map { Array($0.utf8) } }

  /// Elements with no namespace are accepted too: some writers omit it.
  @inline(__always)
  mutating func accepts(_ uri: XMLName?) -> Bool {
    guard let uri else { return true }
    if uri == lastURI { return lastAccepted }
    let len = strlen(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self))
    let bytes = UnsafeBufferPointer(start: uri, count: len)
    lastAccepted = accepted.contains { $0.elementsEqual(bytes) }
    lastURI = uri
    return lastAccepted
  }
}

/// One SAX2 attribute.
struct XMLAttribute {
  let name: XMLName
  let uri: XMLName?
  let value: UnsafeBufferPointer<UInt8>

  /// The value as text. Without entity substitution libxml2 hands `&amp;` and
  /// `&#38;` in attribute values back as `&#38;`, so that sequence is decoded.
  var string: String {
    let s = String(decoding: value, as: UTF8.self)
    return s.contains("&#38;") ? s.replacingOccurrences(of: "&#38;", with: "&") : s
  }
}

@inline(__always)
func forEachAttribute(_ count: Int, _ attrs: XMLAttributes?, _ body: (XMLAttribute) -> Void) {
  guard let attrs else { return }
  for i in 0..<count {
    let base = i * 5
    guard let name = attrs[base], let start = attrs[base + 3], let end = attrs[base + 4] else {
      continue
    }
    body(
      XMLAttribute(
        name: name, uri: attrs[base + 2],
        value: UnsafeBufferPointer(start: start, count: end - start)))
  }
}

/// Whether an attribute's namespace is one of the relationship namespaces.
func isRelationshipNamespace(_ uri: XMLName?) -> Bool {
  guard let uri else { return false }
  let s = String(cString: uri)
  return s == Namespace.rels || s == Namespace.strictRels
}
