import Pipeline
import Standard

extension ConsoleText {
  /// "OPD ini mengirim N berkas untuk domain X": said on the OPD's feedback
  /// page and in the summary, so staff remove the outdated file.
  static func filesForDomain(_ count: Int, domain: String, lang: Language) -> String {
    lang == .id
      ? "OPD ini mengirim \(count) berkas untuk domain \(domain)"
      : "This OPD sent \(count) files for the \(domain) domain"
  }

  /// One summary line per OPD and domain sent in several files; empty when none was.
  static func resubmissionLines(_ a: Architecture, standard: Standard, lang: Language) -> String {
    var s = ""
    for (opd, byDomain) in a.filesPerDomain.sorted(by: { $0.key < $1.key }) {
      let name = standard.opds.office(code: opd)?.name ?? opd
      for d in standard.domains {
        guard let files = byDomain[d.key] else { continue }
        let label = lang == .id ? d.label : d.labelEnglish
        s +=
          "  \(name): \(filesForDomain(files.count, domain: label, lang: lang)) ("
          + files.map(InputText.neutralised).joined(separator: ", ") + ")\n"
      }
    }
    return s
  }
}
