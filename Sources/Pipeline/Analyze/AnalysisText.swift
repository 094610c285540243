/// The texts the analyses write into `arsitektur-spbe.json` (Bahasa Indonesia,
/// the document's language) and their English, for pages that render them.
public enum AnalysisText {
  /// Why applications were grouped as a consolidation candidate.
  public static func consolidationReason(raa: String, words: [String], lang: Language = .id)
    -> String
  {
    let list = words.joined(separator: ", ")
    switch lang {
    case .id:
      return words.isEmpty
        ? "kode RAA sama (\(raa)) dan uraian/fungsi yang mirip (indeks Jaccard kata ≥ 0,25)"
        : "kode RAA sama (\(raa)) dan nama/fungsi yang mirip; kata yang sama: \(list)"
    case .en:
      return words.isEmpty
        ? "same RAA code (\(raa)) and similar description/function (word Jaccard index ≥ 0.25)"
        : "same RAA code (\(raa)) and similar name/function; shared words: \(list)"
    }
  }
}
