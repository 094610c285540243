import Standard

/// Every application's class and the Aplikasi Umum it is; migration
/// candidates.
///
/// Classing: an application *is* an entry of `aplikasi-umum.csv` when the
/// entry's name or one of its aliases occurs in the application's name as a
/// run of whole words (`SPSE LPSE Kab. X` is SPSE), or equals it with
/// spaces and punctuation ignored (`eKinerja`); the longest match wins. It is
/// then `umum` or `khusus-nasional` as the entry says, otherwise
/// `khusus-daerah`.
///
/// Migration: a `khusus-daerah` application is a candidate for an Aplikasi
/// Umum (`umum`) when both have the same RAA code (level 2) and one of the
/// entry's `kata_kunci` occurs as whole words in the application's name,
/// description or function.
struct ApplicationClasses {
  /// One per accepted application, in record order.
  var kelas: [Analysis.ApplicationClass] = []
  /// Record index → the entry it is (index into the list).
  var entry: [Int: Int] = [:]
  /// Record indices of `khusus-daerah` applications, in record order.
  var local: [Int] = []
  /// The words of each local application's name, and of its description and
  /// function (parallel to `local`).
  var localWords: [(name: [String], text: [String])] = []
  /// Entry index → record indices of its migration candidates.
  var migration: [Int: [Int]] = [:]
}

extension Analyze {
  static let classUmum = "umum"
  static let classNational = "khusus-nasional"
  static let classLocal = "khusus-daerah"

  /// Word runs of the list's names and aliases (and of its keywords), found by
  /// their first word.
  struct PhraseIndex {
    var byFirst: [String: [(entry: Int, words: [String])]] = [:]
    var compact: [String: Int] = [:]

    mutating func add(_ phrase: String, entry: Int) {
      let w = Words.of(phrase)
      guard let first = w.first else { return }
      byFirst[first, default: []].append((entry, w))
    }

    /// The entries whose phrase occurs in `words` as whole words, with the
    /// length of the longest run found for each.
    func matches(_ words: [String]) -> [(entry: Int, length: Int)] {
      var found: [(entry: Int, length: Int)] = []
      for start in words.indices {
        guard let candidates = byFirst[words[start]] else { continue }
        for c in candidates where start + c.words.count <= words.count {
          if words[start..<start + c.words.count].elementsEqual(c.words) {
            found.append((c.entry, c.words.count))
          }
        }
      }
      return found
    }
  }

  func classify(_ x: RecordIndex) -> ApplicationClasses {
    let list = standard.commonApplications.entries
    var names = PhraseIndex()
    var keywords = PhraseIndex()
    for (e, entry) in list.enumerated() {
      for n in [entry.name] + entry.aliases {
        names.add(n, entry: e)
        let key = MatchKey.of(n)
        if !key.isEmpty, names.compact[key] == nil { names.compact[key] = e }
      }
      if entry.kind == Self.classUmum { for k in entry.keywords { keywords.add(k, entry: e) } }
    }
    var out = ApplicationClasses()
    for i in x.of("aplikasi") {
      let name = x.text(i, "nama") ?? ""
      var best: (entry: Int, length: Int)?
      if let e = names.compact[MatchKey.of(name)] { best = (e, Int.max) }
      for m in names.matches(Words.of(name)) {
        if best == nil || m.length > best!.length
          || (m.length == best!.length && m.entry < best!.entry)
        {
          best = m
        }
      }
      if let best {
        out.entry[i] = best.entry
        out.kelas.append(
          .init(ref: x.ref(i), kelas: list[best.entry].kind, aplikasiUmum: list[best.entry].name))
        continue
      }
      out.kelas.append(.init(ref: x.ref(i), kelas: Self.classLocal, aplikasiUmum: nil))
      out.local.append(i)
      let raa = Self.raaLevel2(x.text(i, "raa")) ?? ""
      let nameWords = Words.of(name)
      let text = Words.of(x.text(i, "uraian")) + [""] + Words.of(x.text(i, "fungsi"))
      out.localWords.append((nameWords, text))
      let words = nameWords + [""] + text
      var seen = Set<Int>()
      for m in keywords.matches(words) where seen.insert(m.entry).inserted {
        let entryRAA = list[m.entry].raa
        guard entryRAA.isEmpty || entryRAA == raa else { continue }
        out.migration[m.entry, default: []].append(i)
      }
    }
    return out
  }

  func commonApplications(_ x: RecordIndex, _ c: ApplicationClasses) -> [Analysis.CommonApplication]
  {
    let list = standard.commonApplications.entries
    var users: [Int: Set<String>] = [:]
    for (i, e) in c.entry { users[e, default: []].insert(x.opd(i)) }
    let senders = Set(x.of("aplikasi").map(x.opd))
    return list.enumerated().map { e, entry in
      let using = users[e] ?? []
      return Analysis.CommonApplication(
        nama: entry.name, kelas: entry.kind, pemilik: entry.owner, opdPengguna: using.sorted(),
        opdBukanPengguna: senders.subtracting(using).sorted(),
        kandidatMigrasi: (c.migration[e] ?? []).map(x.ref).sorted())
    }
  }
}
