import Foundation
import Spreadsheet

/// One clear line for a file that cannot be read, in the user's language.
public enum ReadErrorMessages {
  public static func message(_ error: ReadError, file: String, lang: Language) -> String {
    let (id, en) = texts(error)
    return fill(lang == .id ? id : en, ["file": file])
  }

  private static func texts(_ error: ReadError) -> (String, String) {
    switch error {
    case .io(_, let code):
      let reason = String(cString: strerror(code))
      return (
        "{file}: berkas tidak dapat dibuka (\(reason)). Periksa nama berkas dan hak aksesnya.",
        "{file}: the file cannot be opened (\(reason)). Check its name and permissions."
      )
    case .notRegularFile:
      return (
        "{file}: bukan berkas biasa (pipa, perangkat, atau berkas sistem), jadi tidak dibaca. Salin lembar kerjanya sebagai berkas biasa.",
        "{file}: not a regular file (a pipe, a device or a system file), so it was not read. Copy the spreadsheet as a regular file."
      )
    case .unsupportedFormat(let f):
      let kind: (String, String)
      switch f {
      case .xls: kind = ("format Excel lama (.xls)", "the legacy Excel format (.xls)")
      case .xlsb: kind = ("format Excel biner (.xlsb)", "the binary Excel format (.xlsb)")
      case .ods: kind = ("format OpenDocument (.ods)", "the OpenDocument format (.ods)")
      case .numbers: kind = ("format Apple Numbers", "the Apple Numbers format")
      }
      return (
        "{file}: berkas ini dalam \(kind.0) yang tidak didukung. Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx.",
        "{file}: this file is in \(kind.1), which is not supported. Open it in Excel or LibreOffice and save it again as .xlsx."
      )
    case .encrypted:
      return (
        "{file}: buku kerja dilindungi kata sandi. Buka di Excel, hapus kata sandinya (Berkas › Info › Lindungi Buku Kerja), lalu simpan ulang.",
        "{file}: the workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again."
      )
    case .notASpreadsheet:
      return (
        "{file}: bukan lembar kerja yang dapat dibaca (bukan .xlsx maupun CSV). Simpan ulang sebagai .xlsx atau .csv.",
        "{file}: not a readable spreadsheet (neither .xlsx nor CSV). Save it again as .xlsx or .csv."
      )
    case .corruptArchive(let detail):
      return (
        "{file}: berkas .xlsx rusak atau terpotong (\(detail)). Minta OPD mengirim ulang berkasnya.",
        "{file}: the .xlsx file is damaged or truncated (\(detail)). Ask the office to send it again."
      )
    case .missingPart(let part):
      return (
        "{file}: berkas .xlsx tidak lengkap: bagian \(part) tidak ada. Buka di Excel atau LibreOffice lalu simpan ulang.",
        "{file}: the .xlsx file is incomplete: part \(part) is missing. Open it in Excel or LibreOffice and save it again."
      )
    case .malformedXML(let part, let line, let detail):
      return (
        "{file}: isi berkas rusak di \(part) baris \(line) (\(detail)). Buka di Excel atau LibreOffice lalu simpan ulang.",
        "{file}: damaged content in \(part) line \(line) (\(detail)). Open it in Excel or LibreOffice and save it again."
      )
    case .invalidCellReference(let part, let reference):
      return (
        "{file}: isi berkas rusak di \(part): alamat sel \"\(reference)\" tidak sah. Buka di Excel atau LibreOffice lalu simpan ulang.",
        "{file}: damaged content in \(part): the cell address \"\(reference)\" is not valid. Open it in Excel or LibreOffice and save it again."
      )
    case .limitExceeded(let kind, let part):
      // The same words as the finding, which names the key that raises the limit.
      let e = Catalog.limitEntry(kind.rawValue, key: Configuration.limitKey(kind))
      let line = { (message: String, fix: String?) in
        "{file}: " + message.replacingOccurrences(of: "{bagian}", with: part) + " " + (fix ?? "")
      }
      return (line(e.id, e.fixID), line(e.en, e.fixEN))
    case .noSuchSheet(let name):
      return (
        "{file}: tidak ada lembar bernama \"\(name)\".",
        "{file}: there is no sheet named \"\(name)\"."
      )
    }
  }
}
