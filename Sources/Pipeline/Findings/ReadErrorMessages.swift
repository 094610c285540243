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
    let finding = Finding(.berkasTidakTerbaca, at: Location(file: file), params: params(error))
    let (message, fix) = Catalog.render(finding, lang: lang)
    return file + ": " + message + (fix.map { " " + $0 } ?? "")
  }

  /// The catalog's variant for a read error's parameters.
  static func variant(_ params: [String: String]) -> Catalog.Variant {
    if params["batas"] != nil { return params["kunci"] != nil ? .limitRaisable : .limitFixed }
    let inPart = params["bagian"] != nil
    switch Reason(rawValue: params["sebab"] ?? "") {
    case .notFound?: return .notFound
    case .noPermission?: return .noPermission
    case .ioFailure?: return .ioFailure
    case .notRegularFile?: return .notRegularFile
    case .nameTooLong?: return .nameTooLong
    case .unsupportedFormat?: return .unsupportedFormat
    case .encrypted?: return .encrypted
    case .notASpreadsheet?: return .notASpreadsheet
    case .corruptArchive?: return inPart ? .corruptArchiveInPart : .corruptArchive
    case .missingPart?: return .missingPart
    case .malformedXML?: return params["baris"] != nil ? .malformedXMLAtLine : .malformedXML
    case .invalidCellReference?: return .invalidCellReference
    case .noSuchSheet?: return params["lembar_ada"] != nil ? .noSuchSheetListed : .noSuchSheet
    case nil: return .plain
    }
  }

  /// The sentences of `berkas-tidak-terbaca`, by variant.
  static let texts: [Catalog.Variant: Catalog.Text] = {
    typealias Words = Catalog.Words
    typealias Text = Catalog.Text
    let resave = Words(
      "Buka berkas di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu kirim kembali.",
      "Open the file in Excel or LibreOffice, save it again as .xlsx and send it again.")
    let askResave = (
      "minta pengirim membuka berkas di Excel atau LibreOffice, menyimpannya ulang sebagai .xlsx, lalu mengirim kembali",
      "ask the sender to open the file in Excel or LibreOffice, save it again as .xlsx and send it again"
    )
    let limit = Words(
      "Berkas ditolak karena melampaui batas keamanan ({batas_nama}) di {bagian}.",
      "The file was refused because it exceeds a safety limit ({batas_nama}) in {bagian}.")
    let unknown = Text(
      Words(
        "Berkas tidak dapat dibaca sebagai lembar kerja.",
        "The file cannot be read as a spreadsheet."), fix: resave)
    let corruptFix = Words(
      "Minta OPD mengirim ulang berkasnya; jika tetap rusak, buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx.",
      "Ask the office to send the file again; if it is still damaged, open it in Excel or LibreOffice and save it again as .xlsx."
    )
    return [
      .plain: unknown,
      .limitRaisable: Text(
        limit,
        fix: Words(
          "Jika berkas ini memang sah, naikkan {kunci} di pipeline.yml; jika tidak, \(askResave.0).",
          "If the file is genuine, raise {kunci} in pipeline.yml; otherwise \(askResave.1).")),
      .limitFixed: Text(
        limit,
        fix: Words(
          "Excel tidak pernah menulis deklarasi entitas; \(askResave.0).",
          "Excel never writes entity declarations; \(askResave.1).")),
      .notFound: Text(
        Words(
          "Berkas tidak ditemukan saat akan dibaca (mungkin dipindahkan atau dihapus).",
          "The file was not found when it was to be read (it may have been moved or deleted)."),
        fix: Words(
          "Periksa nama dan letak berkas, lalu jalankan lagi.",
          "Check the file's name and place, then run again.")),
      .noPermission: Text(
        Words(
          "Hak akses berkas tidak mengizinkan berkas ini dibaca.",
          "The file's permissions do not allow it to be read."),
        fix: Words(
          "Minta pengelola server memberi izin baca pada berkas ini.",
          "Ask the server's administrator for read access to the file.")),
      .ioFailure: Text(
        Words(
          "Berkas tidak dapat dibaca dari disk (galat masukan/keluaran).",
          "The file could not be read from the disk (an input/output error)."),
        fix: Words(
          "Salin ulang berkas ke folder masukan, lalu jalankan lagi.",
          "Copy the file into the inputs folder again, then run again.")),
      .notRegularFile: Text(
        Words(
          "Ini bukan berkas biasa (pipa, perangkat, atau berkas sistem), jadi tidak dibaca.",
          "This is not a regular file (a pipe, a device or a system file), so it was not read."),
        fix: Words(
          "Salin lembar kerjanya ke folder masukan sebagai berkas biasa.",
          "Copy the spreadsheet into the inputs folder as a regular file.")),
      .nameTooLong: Text(
        Words(
          "Jalur berkas terlalu panjang untuk dibuka.", "The file's path is too long to be opened."),
        fix: Words(
          "Pindahkan berkas ke folder dengan nama yang lebih pendek, lalu jalankan lagi.",
          "Move the file to a folder with a shorter name, then run again.")),
      .unsupportedFormat: Text(
        Words(
          "Berkas ini dalam {format_nama} yang tidak didukung.",
          "This file is in {format_nama}, which is not supported."),
        fix: Words(
          "Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx.",
          "Open it in Excel or LibreOffice and save it again as .xlsx.")),
      .encrypted: Text(
        Words("Buku kerja dilindungi kata sandi.", "The workbook is password-protected."),
        fix: Words(
          "Buka di Excel, hapus kata sandinya (Berkas › Info › Lindungi Buku Kerja), lalu simpan ulang.",
          "Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again."
        )),
      .notASpreadsheet: Text(
        Words(
          "Berkas ini bukan lembar kerja yang dapat dibaca (bukan .xlsx maupun CSV).",
          "This file is not a readable spreadsheet (neither .xlsx nor CSV)."),
        fix: Words(
          "Simpan ulang sebagai .xlsx atau .csv, lalu kirim kembali.",
          "Save it again as .xlsx or .csv and send it again.")),
      .corruptArchive: Text(
        Words("Berkas .xlsx rusak atau terpotong.", "The .xlsx file is damaged or truncated."),
        fix: corruptFix),
      .corruptArchiveInPart: Text(
        Words(
          "Berkas .xlsx rusak atau terpotong di bagian {bagian}.",
          "The .xlsx file is damaged or truncated in part {bagian}."), fix: corruptFix),
      .missingPart: Text(
        Words(
          "Berkas .xlsx tidak lengkap: bagian {bagian} tidak ada.",
          "The .xlsx file is incomplete: part {bagian} is missing."), fix: resave),
      .malformedXML: Text(
        Words(
          "Isi berkas rusak di bagian {bagian}.", "The file's content is damaged in part {bagian}."),
        fix: resave),
      .malformedXMLAtLine: Text(
        Words(
          "Isi berkas rusak di bagian {bagian}, baris {baris}.",
          "The file's content is damaged in part {bagian}, line {baris}."), fix: resave),
      .invalidCellReference: Text(
        Words(
          "Isi berkas rusak di bagian {bagian}: alamat sel \"{alamat}\" tidak sah.",
          "The file's content is damaged in part {bagian}: the cell address \"{alamat}\" is not valid."
        ), fix: resave),
      .noSuchSheet: Text(
        Words("Tidak ada lembar bernama \"{nama}\".", "There is no sheet named \"{nama}\".")),
      .noSuchSheetListed: Text(
        Words(
          "Tidak ada lembar bernama \"{nama}\". Lembar yang ada: {lembar_ada}.",
          "There is no sheet named \"{nama}\". The sheets are: {lembar_ada}.")),
    ]
  }()
}
