import Foundation
import Spreadsheet

/// Why a file cannot be read, in words, from one place: the `berkas-tidak-terbaca`
/// finding and `pipeline inspect` say the same. A read error is kept as
/// parameters (a reason code in `sebab` and the archive part, line or cell
/// address it concerns), never as a Swift value, an errno name or a path.
public enum ReadErrorMessages {
  /// Reason codes of `sebab`.
  enum Reason: String {
    case notFound = "tidak-ada"
    case noPermission = "tanpa-izin"
    case ioFailure = "galat-baca"
    case unsupportedFormat = "format-tidak-didukung"
    case encrypted = "terenkripsi"
    case notASpreadsheet = "bukan-lembar-kerja"
    case corruptArchive = "arsip-rusak"
    case missingPart = "bagian-hilang"
    case malformedXML = "xml-rusak"
    case invalidCellReference = "alamat-sel"
    case noSuchSheet = "lembar-tidak-ada"
    case notRegularFile = "bukan-berkas-biasa"
    case nameTooLong = "jalur-terlalu-panjang"
  }

  /// The parameters a finding stores for `error`.
  public static func params(_ error: ReadError) -> [String: String] {
    switch error {
    case .io(_, let code):
      switch code {
      case ENOENT, ENOTDIR: return ["sebab": Reason.notFound.rawValue]
      case EACCES, EPERM: return ["sebab": Reason.noPermission.rawValue]
      case ENAMETOOLONG: return ["sebab": Reason.nameTooLong.rawValue]
      case EISDIR: return ["sebab": Reason.notRegularFile.rawValue]
      default: return ["sebab": Reason.ioFailure.rawValue]
      }
    case .notRegularFile:
      return ["sebab": Reason.notRegularFile.rawValue]
    case .unsupportedFormat(let f):
      return ["sebab": Reason.unsupportedFormat.rawValue, "format": f.rawValue]
    case .encrypted: return ["sebab": Reason.encrypted.rawValue]
    case .notASpreadsheet: return ["sebab": Reason.notASpreadsheet.rawValue]
    case .corruptArchive(let part, _):
      var p = ["sebab": Reason.corruptArchive.rawValue]
      p["bagian"] = part
      return p
    case .missingPart(let part):
      return ["sebab": Reason.missingPart.rawValue, "bagian": part]
    case .malformedXML(let part, let line, _):
      var p = ["sebab": Reason.malformedXML.rawValue, "bagian": part]
      if line > 0 { p["baris"] = String(line) }
      return p
    case .invalidCellReference(let part, let reference):
      return ["sebab": Reason.invalidCellReference.rawValue, "bagian": part, "alamat": reference]
    case .limitExceeded(let kind, let part):
      var p = ["batas": kind.rawValue, "bagian": part]
      p["kunci"] = Configuration.limitKey(kind)
      return p
    case .noSuchSheet(let name, let available):
      var p = ["sebab": Reason.noSuchSheet.rawValue, "nama": name]
      if !available.isEmpty {
        p["lembar_ada"] = available.map { "\"\($0)\"" }.joined(separator: ", ")
      }
      return p
    }
  }

  /// One line for `file`: what is wrong and what to do.
  public static func message(_ error: ReadError, file: String, lang: Language) -> String {
    let params = params(error)
    let e = entry(params)
    let message = fill(lang == .id ? e.id : e.en, params)
    let fix = (lang == .id ? e.fixID : e.fixEN).map { " " + fill($0, params) } ?? ""
    return file + ": " + message + fix
  }

  /// The sentence and the fix for a read error's parameters.
  static func entry(_ params: [String: String]) -> Catalog.Entry {
    if let limit = params["batas"] { return Catalog.limitEntry(limit, key: params["kunci"]) }
    let resave = (
      "Buka berkas di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu kirim kembali.",
      "Open the file in Excel or LibreOffice, save it again as .xlsx and send it again."
    )
    let inPart = params["bagian"] != nil
    switch Reason(rawValue: params["sebab"] ?? "") {
    case .notFound?:
      return Catalog.Entry(
        id: "Berkas tidak ditemukan saat akan dibaca (mungkin dipindahkan atau dihapus).",
        en: "The file was not found when it was to be read (it may have been moved or deleted).",
        fixID: "Periksa nama dan letak berkas, lalu jalankan lagi.",
        fixEN: "Check the file's name and place, then run again.")
    case .noPermission?:
      return Catalog.Entry(
        id: "Hak akses berkas tidak mengizinkan berkas ini dibaca.",
        en: "The file's permissions do not allow it to be read.",
        fixID: "Minta pengelola server memberi izin baca pada berkas ini.",
        fixEN: "Ask the server's administrator for read access to the file.")
    case .ioFailure?:
      return Catalog.Entry(
        id: "Berkas tidak dapat dibaca dari disk (galat masukan/keluaran).",
        en: "The file could not be read from the disk (an input/output error).",
        fixID: "Salin ulang berkas ke folder masukan, lalu jalankan lagi.",
        fixEN: "Copy the file into the inputs folder again, then run again.")
    case .notRegularFile?:
      return Catalog.Entry(
        id: "Ini bukan berkas biasa (pipa, perangkat, atau berkas sistem), jadi tidak dibaca.",
        en: "This is not a regular file (a pipe, a device or a system file), so it was not read.",
        fixID: "Salin lembar kerjanya ke folder masukan sebagai berkas biasa.",
        fixEN: "Copy the spreadsheet into the inputs folder as a regular file.")
    case .nameTooLong?:
      return Catalog.Entry(
        id: "Jalur berkas terlalu panjang untuk dibuka.",
        en: "The file's path is too long to be opened.",
        fixID: "Pindahkan berkas ke folder dengan nama yang lebih pendek, lalu jalankan lagi.",
        fixEN: "Move the file to a folder with a shorter name, then run again.")
    case .unsupportedFormat?:
      let kind: (String, String)
      switch UnsupportedFormat(rawValue: params["format"] ?? "") {
      case .xls?: kind = ("format Excel lama (.xls)", "the legacy Excel format (.xls)")
      case .xlsb?: kind = ("format Excel biner (.xlsb)", "the binary Excel format (.xlsb)")
      case .ods?: kind = ("format OpenDocument (.ods)", "the OpenDocument format (.ods)")
      case .numbers?: kind = ("format Apple Numbers", "the Apple Numbers format")
      case nil: kind = ("format yang tidak dikenal", "an unknown format")
      }
      return Catalog.Entry(
        id: "Berkas ini dalam \(kind.0) yang tidak didukung.",
        en: "This file is in \(kind.1), which is not supported.",
        fixID: "Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx.",
        fixEN: "Open it in Excel or LibreOffice and save it again as .xlsx.")
    case .encrypted?:
      return Catalog.Entry(
        id: "Buku kerja dilindungi kata sandi.", en: "The workbook is password-protected.",
        fixID:
          "Buka di Excel, hapus kata sandinya (Berkas › Info › Lindungi Buku Kerja), lalu simpan ulang.",
        fixEN:
          "Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again."
      )
    case .notASpreadsheet?:
      return Catalog.Entry(
        id: "Berkas ini bukan lembar kerja yang dapat dibaca (bukan .xlsx maupun CSV).",
        en: "This file is not a readable spreadsheet (neither .xlsx nor CSV).",
        fixID: "Simpan ulang sebagai .xlsx atau .csv, lalu kirim kembali.",
        fixEN: "Save it again as .xlsx or .csv and send it again.")
    case .corruptArchive?:
      return Catalog.Entry(
        id: "Berkas .xlsx rusak atau terpotong" + (inPart ? " di bagian {bagian}." : "."),
        en: "The .xlsx file is damaged or truncated" + (inPart ? " in part {bagian}." : "."),
        fixID:
          "Minta OPD mengirim ulang berkasnya; jika tetap rusak, buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx.",
        fixEN:
          "Ask the office to send the file again; if it is still damaged, open it in Excel or LibreOffice and save it again as .xlsx."
      )
    case .missingPart?:
      return Catalog.Entry(
        id: "Berkas .xlsx tidak lengkap: bagian {bagian} tidak ada.",
        en: "The .xlsx file is incomplete: part {bagian} is missing.",
        fixID: resave.0, fixEN: resave.1)
    case .malformedXML?:
      let line = params["baris"] != nil
      return Catalog.Entry(
        id: "Isi berkas rusak di bagian {bagian}" + (line ? ", baris {baris}." : "."),
        en: "The file's content is damaged in part {bagian}" + (line ? ", line {baris}." : "."),
        fixID: resave.0, fixEN: resave.1)
    case .invalidCellReference?:
      return Catalog.Entry(
        id: "Isi berkas rusak di bagian {bagian}: alamat sel \"{alamat}\" tidak sah.",
        en:
          "The file's content is damaged in part {bagian}: the cell address \"{alamat}\" is not valid.",
        fixID: resave.0, fixEN: resave.1)
    case .noSuchSheet?:
      let listed = params["lembar_ada"] != nil
      return Catalog.Entry(
        id: "Tidak ada lembar bernama \"{nama}\"."
          + (listed ? " Lembar yang ada: {lembar_ada}." : ""),
        en: "There is no sheet named \"{nama}\"."
          + (listed ? " The sheets are: {lembar_ada}." : ""),
        fixID: nil, fixEN: nil)
    case nil:
      return Catalog.Entry(
        id: "Berkas tidak dapat dibaca sebagai lembar kerja.",
        en: "The file cannot be read as a spreadsheet.",
        fixID: resave.0, fixEN: resave.1)
    }
  }
}
