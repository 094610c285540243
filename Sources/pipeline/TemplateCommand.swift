import ArgumentParser
import Emit
import Foundation
import Pipeline
import Standard

struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Buat templat XLSX kosong untuk diisi perangkat daerah.",
    discussion: """
      Satu buku kerja: lembar Identitas dan enam lembar domain dengan judul kolom
      yang dikenali `pipeline run`, catatan pada setiap judul, dan daftar tarik-turun
      dari daftar kode. Dengan --opd, identitas OPD sudah terisi.
      """)

  @Option(
    name: .long, help: "Berkas konfigurasi (bawaan: pipeline.yml), untuk daftar kode pengganti.")
  var config: String?
  @Option(name: .long, help: "Folder tujuan (bawaan: folder keluaran pipeline.yml).")
  var outputs: String?
  @Option(name: .long, help: "Kode, nama, atau singkatan OPD yang diisikan ke lembar Identitas.")
  var opd: String?
  @Option(name: .long, help: "Bahasa pesan: id | en")
  var lang: Language?

  func run() throws {
    var options = try RunOptions.parse([])
    options.config = config
    options.outputs = outputs
    options.lang = lang
    options.quiet = true
    let c = try options.configuration().get()
    let standard = try options.standard(c).get()
    let id = c.language == .id
    var office: OPDRegistry.OPD?
    if let opd {
      guard let o = standard.opds.match(opd) else {
        let hint = standard.opds.suggestions(for: opd)
        var line =
          id
          ? "OPD \"\(opd)\" tidak ada di daftar OPD"
          : "no OPD \"\(opd)\" in the OPD list"
        if !hint.isEmpty {
          line += id ? "; mungkin maksudnya: " : "; did you mean: "
          line += hint.joined(separator: id ? " atau " : " or ")
        }
        line += id ? " (lihat `pipeline codelists opd`)" : " (see `pipeline codelists opd`)"
        printError(line)
        throw ExitCode(Exit.usage.rawValue)
      }
      office = o
    }

    let name = TemplateWorkbook.fileName(for: office)
    let book = TemplateWorkbook(
      standard: standard, opd: office, collectingOffice: c.collectingOffice)
    let folder = try options.lockedOutputs(c).get()
    do {
      try folder.open()
      try folder.write(name) { temp in
        do {
          try book.write(to: temp)
        } catch let e as XLSXWriterError {
          throw OutputFolder.Failure.unwritable(path: name, code: e.code)
        }
      }
      try folder.commit()
    } catch let e as OutputFolder.Failure {
      printOutputFailure(e, lang: c.language)
      throw ExitCode(Exit.io.rawValue)
    }
    print((c.outputs as NSString).appendingPathComponent(name))
  }
}
