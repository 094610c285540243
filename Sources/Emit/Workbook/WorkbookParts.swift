import Foundation

// The parts of the package besides the sheets: content types, relationships,
// document properties, the workbook part and the fixed styles.
extension StreamingWorkbook {
  var contentTypes: String {
    let ct = "application/vnd.openxmlformats-officedocument."
    var s =
      Self.declaration
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/docProps/app.xml\" ContentType=\"\(ct)extended-properties+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ct)spreadsheetml.styles+xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ct)spreadsheetml.sheet.main+xml\"/>"
    for i in sheets.indices {
      s +=
        "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(ct)spreadsheetml.worksheet+xml\"/>"
    }
    return s + "</Types>"
  }

  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let relsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  static let packageRels =
    declaration
    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relsNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + "<Relationship Id=\"rId3\" Type=\"\(relsNS)/extended-properties\" Target=\"docProps/app.xml\"/>"
    + "</Relationships>"

  var workbookRels: String {
    var s =
      Self.declaration
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in sheets.indices {
      s +=
        "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relsNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
    }
    return s
      + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relsNS)/styles\" Target=\"styles.xml\"/>"
      + "</Relationships>"
  }

  var app: String {
    var s =
      Self.declaration
      + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
      + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
      + "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
      + "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>"
      + "</vt:variant><vt:variant><vt:i4>\(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"
      + "<TitlesOfParts><vt:vector size=\"\(sheets.count)\" baseType=\"lpstr\">"
    for sheet in sheets { s += "<vt:lpstr>\(Self.escaped(sheet.name))</vt:lpstr>" }
    return s
      + "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
      + "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
  }

  var core: String {
    let when = ArchitectureDocument.rfc3339(created)
    return Self.declaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      + "<dc:title>\(Self.escaped(title))</dc:title><dc:subject>\(Self.escaped(subject))</dc:subject>"
      + "<dc:creator>\(Self.escaped(creator))</dc:creator>"
      + "<cp:lastModifiedBy>\(Self.escaped(creator))</cp:lastModifiedBy>"
      + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:created>"
      + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(when)</dcterms:modified></cp:coreProperties>"
  }

  func workbook(_ parts: [SheetPart]) -> String {
    let active = parts.firstIndex { $0.active } ?? 0
    var s =
      Self.declaration
      + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(Self.relsNS)\">"
      + "<workbookPr/><bookViews><workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" "
      + "windowHeight=\"9660\"\(active > 0 ? " activeTab=\"\(active)\"" : "")/></bookViews><sheets>"
    for (i, sheet) in sheets.enumerated() {
      s += "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    s += "</sheets>"
    // Excel wants the range of each sheet's filter as a hidden name as well.
    let filtered = parts.enumerated().filter { $0.element.filter != nil }
    if !filtered.isEmpty {
      s += "<definedNames>"
      for (i, part) in filtered {
        let name = sheets[i].name
        let quoted =
          name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
          ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        let f = part.filter!
        s +=
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
          + Self.escaped(
            "\(quoted)!$\(f.firstCol)$\(f.firstRow + 1):$\(f.lastCol)$\(f.lastRow + 1)")
          + "</definedName>"
      }
      s += "</definedNames>"
    }
    return s + "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>"
  }

  /// The styles, in the order of `Style`.
  static let styles: String = {
    let top = "<alignment vertical=\"top\"/>"
    let wrapTop = "<alignment vertical=\"top\" wrapText=\"1\"/>"
    func xf(_ numFmt: Int, font: Int = 0, fill: Int = 0, border: Int = 0, _ align: String?)
      -> String
    {
      var a =
        "<xf numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
      if numFmt != 0 { a += " applyNumberFormat=\"1\"" }
      if font != 0 { a += " applyFont=\"1\"" }
      if fill != 0 { a += " applyFill=\"1\"" }
      if border != 0 { a += " applyBorder=\"1\"" }
      guard let align else { return a + "/>" }
      return a + " applyAlignment=\"1\">\(align)</xf>"
    }
    let xfs: [String] = Style.allCases.map {
      switch $0 {
      case .normal: return xf(0, nil)
      case .bold: return xf(0, font: 1, nil)
      case .text: return xf(164, top)
      case .header: return xf(0, font: 1, fill: 2, border: 1, wrapTop)
      case .top: return xf(0, top)
      case .wrapTop: return xf(0, wrapTop)
      case .whole: return xf(165, top)
      case .rupiah: return xf(166, top)
      case .date: return xf(167, top)
      }
    }
    let color = "<color rgb=\"FFB4C6E7\"/>"
    return declaration
      + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"@\"/><numFmt numFmtId=\"165\" formatCode=\"0\"/>"
      + "<numFmt numFmtId=\"166\" formatCode=\"#,##0\"/><numFmt numFmtId=\"167\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
      + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
      + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
      + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
      + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
      + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
      + "<border><left style=\"thin\">\(color)</left><right style=\"thin\">\(color)</right>"
      + "<top style=\"thin\">\(color)</top><bottom style=\"thin\">\(color)</bottom><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"\(xfs.count)\">\(xfs.joined())</cellXfs>"
      + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" "
      + "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>"
  }()

  /// Text for XML content and attribute values.
  static func escaped(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
