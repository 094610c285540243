import ArgumentParser
import Pipeline
import Standard

struct CodelistsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "codelists",
    abstract: "Jelajahi daftar kode (RAB, RAL, RAD, RAA, RAI, RAK, OPD, enumerasi).")

  @Argument(help: "Nama daftar, mis. raa, opd, basis_aplikasi.")
  var name: String?
  @Option(name: .long, help: "Cari teks pada kode atau nama.")
  var search: String?
  @Option(name: .long) var lang: Language = .id

  func run() throws {
    let standard = try bundledStandard(lang: lang)
    let needle = search.map(MatchKey.of)
    var shown = 0
    func show(_ code: String, _ text: String, indent: Int = 0) {
      if let needle, !MatchKey.of(code + " " + text).contains(needle) { return }
      print(String(repeating: "  ", count: indent) + code + "  " + text)
      shown += 1
    }
    guard let name = name?.lowercased() else {
      for l in standard.lists { print("\(l.name)\t\(l.status)\t\(l.edition)") }
      for e in standard.enumerations.keys.sorted() { print("\(e)\tproject\tenumerasi") }
      return
    }
    if let list = standard.codelists[name] {
      for e in list.entries { show(e.code, e.name, indent: e.level - 1) }
    } else if name == "opd" {
      for o in standard.opds.offices { show(o.code, "\(o.name) (\(o.abbreviation))") }
    } else if name == "aplikasi_umum" {
      for a in standard.commonApplications.entries {
        show(
          a.name,
          "\(a.kind), \(a.owner), \(a.raa)"
            + (a.aliases.isEmpty ? "" : "; alias: " + a.aliases.joined(separator: ", ")))
      }
    } else if let e = standard.enumerations[name] {
      for v in e.values {
        show(v.code, v.aliases.isEmpty ? "" : "alias: " + v.aliases.joined(separator: ", "))
      }
    } else {
      printError(
        lang == .id
          ? "daftar \"\(name)\" tidak ada; jalankan `pipeline codelists` untuk melihat semuanya"
          : "no list named \"\(name)\"; run `pipeline codelists` to see them all")
      throw ExitCode(Exit.usage.rawValue)
    }
    // As grep does: a search that finds nothing says so and exits 1.
    if let search, shown == 0 {
      printError(ConsoleText.noCodeMatches(search, list: name, lang: lang))
      throw ExitCode.failure
    }
  }
}
