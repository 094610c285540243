import Foundation

/// One relationship of an OPC part.
struct Relationship {
  var id: String
  /// The last segment of the type URI (`officeDocument`, `worksheet`, …): the
  /// transitional and Strict URIs differ only before it.
  var kind: String
  var target: String
  var external: Bool
}

/// `_rels/*.rels`: the relationships of one part.
final class RelationshipsHandler: SAXHandler {
  var relationships: [Relationship] = []

  override func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {
    guard nameIs(name, "Relationship") else { return }
    var rel = Relationship(id: "", kind: "", target: "", external: false)
    forEachAttribute(count, attrs) { a in
      if a.uri != nil { return }
      if nameIs(a.name, "Id") {
        rel.id = a.string
      } else if nameIs(a.name, "Type") {
        let type = a.string
        rel.kind = type.split(separator: "/").last.map(String.init) ?? type
      } else if nameIs(a.name, "Target") {
        rel.target = a.string
      } else if nameIs(a.name, "TargetMode") {
        rel.external = a.string.lowercased() == "external"
      }
    }
    relationships.append(rel)
  }
}

/// `[Content_Types].xml`: the content type of each overridden part.
final class ContentTypesHandler: SAXHandler {
  var overrides: [(part: String, type: String)] = []

  override func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {
    guard nameIs(name, "Override") else { return }
    var part = ""
    var type = ""
    forEachAttribute(count, attrs) { a in
      if nameIs(a.name, "PartName") { part = a.string }
      if nameIs(a.name, "ContentType") { type = a.string }
    }
    overrides.append((part, type))
  }
}

/// The workbook part: sheets in order and the date system.
final class WorkbookHandler: SAXHandler {
  struct SheetEntry {
    var name: String
    var state: SheetState
    var relationshipID: String
  }
  var entries: [SheetEntry] = []
  var date1904 = false
  private var namespaces = NamespaceFilter(Namespace.spreadsheet)

  override func start(_ name: XMLName, _ uri: XMLName?, _ count: Int, _ attrs: XMLAttributes?) {
    guard namespaces.accepts(uri) else { return }
    if nameIs(name, "sheet") {
      var entry = SheetEntry(name: "", state: .visible, relationshipID: "")
      forEachAttribute(count, attrs) { a in
        if nameIs(a.name, "name"), a.uri == nil {
          entry.name = a.string
        } else if nameIs(a.name, "state"), a.uri == nil {
          switch a.string {
          case "hidden": entry.state = .hidden
          case "veryHidden": entry.state = .veryHidden
          default: entry.state = .visible
          }
        } else if nameIs(a.name, "id"), isRelationshipNamespace(a.uri) {
          entry.relationshipID = a.string
        }
      }
      entries.append(entry)
    } else if nameIs(name, "workbookPr") {
      forEachAttribute(count, attrs) { a in
        if nameIs(a.name, "date1904") {
          let v = a.string.lowercased()
          date1904 = v == "1" || v == "true"
        }
      }
    }
  }
}

/// OPC part names: resolving relationship targets against their source part.
enum PartName {
  /// The folder of a part, with its trailing slash (`xl/` for `xl/workbook.xml`).
  static func folder(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[...slash])
  }

  /// The relationships part of `part` (`xl/_rels/workbook.xml.rels`).
  static func relationships(of part: String) -> String {
    let folder = folder(of: part)
    let file = part.dropFirst(folder.count)
    return folder + "_rels/" + file + ".rels"
  }

  /// `target` as seen from `source`: absolute targets start at the package root,
  /// relative ones at the source's folder; `.` and `..` segments are resolved.
  static func resolve(_ target: String, from source: String) -> String {
    var t = target.replacingOccurrences(of: "\\", with: "/")
    if let hash = t.firstIndex(of: "#") { t = String(t[..<hash]) }
    let joined = t.hasPrefix("/") ? t : folder(of: source) + t
    var segments: [Substring] = []
    for seg in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if seg == "." { continue }
      if seg == ".." {
        if !segments.isEmpty { segments.removeLast() }
        continue
      }
      segments.append(seg)
    }
    return segments.joined(separator: "/")
  }
}
