import Standard

/// Normalized words of names and descriptions, for comparing applications:
/// lower case, diacritics folded, split on anything that is not a letter or
/// digit (`SP4N-LAPOR!` → `sp4n`, `lapor`).
enum Words {
  static func of(_ text: String?) -> [String] {
    guard let text, !text.isEmpty else { return [] }
    var ascii = true
    for b in text.utf8 where b >= 0x80 {
      ascii = false
      break
    }
    guard ascii else { return MatchKey.words(text).filter { !$0.isEmpty } }
    var words: [String] = []
    var current: [UInt8] = []
    for b in text.utf8 {
      switch b {
      case 0x30...0x39, 0x61...0x7A: current.append(b)
      case 0x41...0x5A: current.append(b + 0x20)
      default:
        if !current.isEmpty {
          words.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    return words
  }

  /// Words that say nothing about what an application does: Indonesian
  /// function words, the generic parts of application names, and the place
  /// words of the instansi (`kab` and the region's name).
  static let stop: Set<String> = [
    "a", "aplikasi", "app", "apps", "atau", "b", "bagi", "baru", "berbasis", "c", "dalam", "dan",
    "dari", "daring", "dashboard", "dengan", "di", "digital", "e", "elektronik", "go", "informasi",
    "ini", "kab",
    "kabupaten", "ke", "kota", "layanan", "manajemen", "melalui", "mendukung", "mobile", "oleh",
    "online", "pada", "pelayanan", "pemerintah", "pemkab", "pemda", "pengelolaan", "portal",
    "secara", "si", "sim", "sistem", "sistim", "smart", "terintegrasi", "terpadu", "untuk", "web",
    "website", "yang",
  ]

  /// The content words of `text`: `of(text)` without stop words and without
  /// the instansi's place words (`places`).
  static func content(_ text: String?, places: Set<String>) -> [String] {
    of(text).filter { !stop.contains($0) && !places.contains($0) && !isNumber($0) }
  }

  static func isNumber(_ w: String) -> Bool { w.utf8.allSatisfy { (0x30...0x39).contains($0) } }

  /// The place words of the instansi, from the region suffixes the OPD
  /// registry tolerates (`kabx` → `x`, `kabupatenxbanten` →
  /// `xbanten`), with the province's words when the suffix has them.
  static func places(_ opds: OPDRegistry) -> Set<String> {
    var out = Set<String>()
    for s in opds.regionSuffixes {
      for kind in ["kabupaten", "provinsi", "kab", "kota", "prov"] where s.hasPrefix(kind) {
        out.insert(String(s.dropFirst(kind.count)))
        break
      }
    }
    // "xbanten": the shortest place is the region itself; what follows it is the province.
    if let region = out.min(by: { $0.count < $1.count }) {
      for p in out where p.hasPrefix(region) && p != region {
        out.insert(String(p.dropFirst(region.count)))
      }
    }
    out.remove("")
    return out
  }
}
