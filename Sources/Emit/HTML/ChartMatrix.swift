import Foundation
import Pipeline

/// The charts of `profil.html` beside `Chart.bars`: a matrix (heat map) of
/// counts and a bar of shares, inline SVG drawn from numbers only, labels as
/// escaped text, every cell with a `title` saying what it counts.
extension Chart {
  /// Rows × columns of counts. A cell is shaded by its count against the
  /// largest (`binary`: filled when above zero, for "uses / does not use"),
  /// and shows the count unless `binary`. Column labels stand rotated.
  static func matrix(
    _ h: inout HTML, rows: [String], columns: [String], values: [[Int]], color: String,
    title: String, language: Language, binary: Bool = false,
    cellTitle: (_ row: Int, _ column: Int) -> String
  ) {
    let cell = 22.0
    let longestRow = Double(min(30, rows.map(\.count).max() ?? 1))
    let longestColumn = Double(min(18, columns.map(\.count).max() ?? 1))
    let left = 12 + longestRow * 6.6
    let top = 14 + longestColumn * 5.4
    // The last column's label leans out to the right.
    let width = left + Double(columns.count) * cell + 8 + longestColumn * 3.2
    let height = top + Double(rows.count) * cell + 8
    let most = Double(max(1, values.joined().max() ?? 1))
    h.open(
      "svg",
      [
        "viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))",
        "role": "img", "aria-label": title, "class": "matrix",
      ])
    h.element("title", title)
    for (j, label) in columns.enumerated() {
      let x = left + Double(j) * cell + cell / 2 + 4
      let y = top - 6
      h.element(
        "text",
        ["x": f(x), "y": f(y), "transform": "rotate(-60 \(f(x)) \(f(y)))", "class": "muted"],
        short(label, 18))
    }
    for (i, label) in rows.enumerated() {
      let y = top + Double(i) * cell
      h.element(
        "text", ["x": f(left - 6), "y": f(y + cell / 2 + 4), "text-anchor": "end"],
        short(label, 30))
      for j in columns.indices {
        let v = i < values.count && j < values[i].count ? values[i][j] : 0
        let x = left + Double(j) * cell
        let strength = binary ? (v > 0 ? 1 : 0) : Double(v) / most
        h.open(
          "rect",
          [
            "x": f(x + 1), "y": f(y + 1), "width": f(cell - 2), "height": f(cell - 2), "rx": "3",
            "fill": v > 0 ? color : "#eef1f4",
            "fill-opacity": v > 0 ? f(0.25 + 0.75 * strength) : "1",
          ])
        h.element("title", cellTitle(i, j))
        h.close("rect")
        if !binary && v > 0 {
          h.element(
            "text",
            [
              "x": f(x + cell / 2), "y": f(y + cell / 2 + 4), "text-anchor": "middle",
              "class": strength > 0.55 ? "on" : "",
            ], Format.count(v, language))
        }
      }
    }
    h.close("svg")
  }

  /// One bar split into the parts' shares, and under it a legend line per
  /// part with its count and percentage.
  static func shares(
    _ h: inout HTML, _ parts: [(label: String, value: Int)], colors: [String], title: String,
    language: Language
  ) {
    let width = 560.0
    let line = 22.0
    let height = 44 + Double(parts.count) * line
    let total = parts.reduce(0) { $0 + $1.value }
    h.open(
      "svg",
      [
        "viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))",
        "role": "img", "aria-label": title,
      ])
    h.element("title", title)
    var x = 0.0
    for (k, p) in parts.enumerated() where p.value > 0 {
      let w = width * Double(p.value) / Double(max(1, total))
      h.open(
        "rect",
        [
          "x": f(x), "y": "4", "width": f(max(1.5, w)), "height": "24",
          "fill": colors[k % colors.count],
        ])
      h.element(
        "title",
        "\(p.label): \(Format.count(p.value, language)) (\(Format.percent(p.value, total, language)))"
      )
      h.close("rect")
      x += w
    }
    for (k, p) in parts.enumerated() {
      let y = 44 + Double(k) * line
      h.open(
        "rect",
        [
          "x": "0", "y": f(y - 11), "width": "12", "height": "12", "rx": "2",
          "fill": colors[k % colors.count],
        ])
      h.close("rect")
      h.element("text", ["x": "18", "y": f(y)], short(p.label, 44))
      h.element(
        "text", ["x": f(width - 4), "y": f(y), "text-anchor": "end", "class": "muted"],
        "\(Format.count(p.value, language)) · \(Format.percent(p.value, total, language))")
    }
    h.close("svg")
  }

  private static func f(_ v: Double) -> String { String(format: "%.1f", v) }

  private static func short(_ s: String, _ n: Int) -> String {
    s.count > n ? String(s.prefix(n - 1)) + "…" : s
  }
}

extension Format {
  /// `Rp 5.626.000.000` (id) or `Rp 5,626,000,000` (en).
  static func rupiah(_ v: Int, _ language: Language) -> String { "Rp " + count(v, language) }

  /// `Rp 5,63 M` / `Rp 5.63 bn`, `Rp 120 jt` / `Rp 120 m`: for chart labels.
  static func rupiahShort(_ v: Int, _ language: Language) -> String {
    let a = Double(v.magnitude)
    let (scaled, unit): (Double, String) =
      a >= 1e12
      ? (a / 1e12, language == .en ? "tn" : "T")
      : a >= 1e9
        ? (a / 1e9, language == .en ? "bn" : "M")
        : a >= 1e6 ? (a / 1e6, language == .en ? "m" : "jt") : (a, "")
    if unit.isEmpty { return rupiah(v, language) }
    var digits = String(format: scaled >= 100 ? "%.0f" : scaled >= 10 ? "%.1f" : "%.2f", scaled)
    if language == .id { digits = digits.replacingOccurrences(of: ".", with: ",") }
    return "Rp " + (v < 0 ? "-" : "") + digits + " " + unit
  }
}
