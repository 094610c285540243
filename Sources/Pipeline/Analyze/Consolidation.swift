/// Consolidation candidates: local applications of several OPDs that do the
/// same job.
///
/// Two `khusus-daerah` applications are alike when they have the same RAA code
/// (level 2) and the same content words in their names (`SIMPEG Kab. X`
/// and `Simpeg`), or, in different OPDs, either their name words are similar
/// (Jaccard index of the content words of the names ≥ `nameSimilarity`), or
/// their names share a content word and their descriptions are similar
/// (Jaccard index of the content words of name, description and function ≥
/// `textSimilarity`), or their names start with the same content word (the
/// head: `Antrean MPP`, `Antrean Dukcapil`) and share at least half the words
/// of the shorter name. Content words are normalized words without stop words
/// and the instansi's place words (`Words.content`). A group is a connected
/// set of alike applications spanning at least two OPDs. Candidate pairs come
/// from the name words they share; a word that more than `commonWordLimit`
/// applications of one RAA code carry names nothing and proposes no pair, so
/// the work stays linear in the applications.
extension Analyze {
  static let nameSimilarity = 0.5
  static let textSimilarity = 0.25
  static let commonWordLimit = 64

  func consolidation(_ x: RecordIndex, _ c: ApplicationClasses) -> [Analysis.ConsolidationGroup] {
    let places = Words.places(standard.opds)
    let amountKeys = x.amountFields("aplikasi")
    let apps = c.local
    let raa = apps.map { Self.raaLevel2(x.text($0, "raa")) ?? "" }
    func content(_ words: [String]) -> [String] {
      words.filter {
        !$0.isEmpty && !Words.stop.contains($0) && !places.contains($0) && !Words.isNumber($0)
      }
    }
    let nameWords = c.localWords.map { Set(content($0.name)) }
    // The head word of a name: its first content word, what the application is (`antrean`).
    let heads = c.localWords.map { content($0.name).first }
    let allWords = c.localWords.indices.map { k in
      nameWords[k].union(content(c.localWords[k].text))
    }
    struct Posting: Hashable {
      var raa: String
      var word: String
    }
    var postings: [Posting: [Int]] = [:]
    for k in apps.indices where !raa[k].isEmpty {
      for w in nameWords[k] { postings[Posting(raa: raa[k], word: w), default: []].append(k) }
    }
    var parent = Array(apps.indices)
    func root(_ k: Int) -> Int {
      var k = k
      while parent[k] != k {
        parent[k] = parent[parent[k]]
        k = parent[k]
      }
      return k
    }
    func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
      let shared = a.intersection(b).count
      let all = a.count + b.count - shared
      return all == 0 ? 0 : Double(shared) / Double(all)
    }
    func join(_ k: Int, _ j: Int) {
      let (a, b) = (root(k), root(j))
      if a != b { parent[max(a, b)] = min(a, b) }
    }
    // The same content words in the name: alike whatever their number (the
    // first application with those words stands for them all).
    struct Name: Hashable {
      var raa: String
      var words: [String]
    }
    var firstWithName: [Name: Int] = [:]
    for k in apps.indices where !raa[k].isEmpty && !nameWords[k].isEmpty {
      let key = Name(raa: raa[k], words: nameWords[k].sorted())
      if let first = firstWithName[key] { join(first, k) } else { firstWithName[key] = k }
    }
    for k in apps.indices where !raa[k].isEmpty {
      var tried = Set<Int>()
      for w in nameWords[k].sorted() {
        guard let list = postings[Posting(raa: raa[k], word: w)],
          list.count <= Self.commonWordLimit
        else { continue }
        for j in list where j > k && tried.insert(j).inserted {
          guard x.opd(apps[j]) != x.opd(apps[k]) else { continue }
          let shared = nameWords[k].intersection(nameWords[j]).count
          let alike =
            jaccard(nameWords[k], nameWords[j]) >= Self.nameSimilarity
            || jaccard(allWords[k], allWords[j]) >= Self.textSimilarity
            || (heads[k] == heads[j]
              && 2 * shared >= min(nameWords[k].count, nameWords[j].count))
          if alike { join(k, j) }
        }
      }
    }
    var members: [Int: [Int]] = [:]
    for k in apps.indices { members[root(k), default: []].append(k) }
    var groups: [Analysis.ConsolidationGroup] = []
    for (_, ks) in members where ks.count > 1 {
      let opds = Set(ks.map { x.opd(apps[$0]) })
      guard opds.count > 1 else { continue }
      // The words every member's name shares with another member's, for the reason.
      var count: [String: Int] = [:]
      for k in ks { for w in nameWords[k] { count[w, default: 0] += 1 } }
      let shared = count.filter { $0.value > 1 }.keys.sorted()
      let amounts = ks.compactMap { x.amount(apps[$0], amountKeys) }
      let amount = amounts.isEmpty ? nil : amounts.reduce(0, +)
      let code = raa[ks[0]]
      var g = Analysis.ConsolidationGroup(
        aplikasi: ks.map { x.ref(apps[$0]) }.sorted(), opd: opds.sorted(),
        alasan: AnalysisText.consolidationReason(raa: code, words: shared), anggaran: amount)
      g.raa = code
      g.kataSama = shared
      groups.append(g)
    }
    return groups.sorted { $0.aplikasi[0] < $1.aplikasi[0] }
  }
}
