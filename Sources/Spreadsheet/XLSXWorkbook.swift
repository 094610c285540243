import CLibXML2
import CLibZip
import Foundation

/// An XLSX/XLSM workbook read with libzip and libxml2 (streaming SAX2).
public final class XLSXWorkbook: SheetSource {
  public let format = FileFormat.xlsx
  public private(set) var sheets: [SheetInfo] = []
  /// Whether the workbook uses the 1904 date system.
  public private(set) var date1904 = false

  public init(path: String, limits: ReadLimits = ReadLimits()) throws {
    throw ReadError.notASpreadsheet  // placeholder until the reader lands
  }

  public func readSheet(_ index: Int, _ onRow: (Row) throws -> Void) throws -> SheetTail {
    SheetTail()
  }
}
