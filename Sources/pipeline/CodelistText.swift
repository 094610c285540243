import Pipeline

extension ConsoleText {
  /// `pipeline codelists NAME --search TEXT` found nothing (on stderr, exit 1).
  public static func noCodeMatches(_ text: String, list: String, lang: Language) -> String {
    lang == .id
      ? "tidak ada kode atau nama di daftar \(list) yang memuat \"\(text)\"; coba kata lain, atau jalankan `pipeline codelists \(list)` untuk melihat seluruh daftar"
      : "no code or name in the list \(list) contains \"\(text)\"; try another word, or run `pipeline codelists \(list)` to see the whole list"
  }
}
