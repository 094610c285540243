import Foundation
import Pipeline

/// Horizontal stacked bar charts as inline SVG: drawn from numbers only, with
/// labels as escaped text, so a chart needs no script and prints as it shows.
enum Chart {
  struct Bar {
    let label: String
    let parts: [Int]
  }

  static func bars(
    _ h: inout HTML, _ bars: [Bar], colors: [String], legend: [String], title: String,
    language: Language, valueText: ((Bar) -> String)? = nil
  ) {
    let labelWidth = 190.0
    let barWidth = 330.0
    let width = labelWidth + barWidth + 70
    let row = 26.0
    let top = 30.0
    let height = top + Double(bars.count) * row + 6
    let most = Double(max(1, bars.map { $0.parts.reduce(0, +) }.max() ?? 1))
    h.open(
      "svg",
      [
        "viewBox": "0 0 \(Int(width)) \(Int(height))", "width": "\(Int(width))",
        "role": "img", "aria-label": title,
      ])
    h.element("title", title)
    var x = 0.0
    for (i, name) in legend.enumerated() {
      h.open(
        "rect",
        [
          "x": n(x), "y": "4", "width": "12", "height": "12", "rx": "2",
          "fill": colors[i % colors.count],
        ])
      h.close("rect")
      h.element("text", ["x": n(x + 17), "y": "14", "class": "muted"], name)
      x += 30 + Double(name.count) * 6.6
    }
    for (i, b) in bars.enumerated() {
      let y = top + Double(i) * row
      h.element(
        "text", ["x": n(labelWidth - 8), "y": n(y + 15), "text-anchor": "end"],
        b.label.count > 28 ? String(b.label.prefix(27)) + "…" : b.label)
      var left = labelWidth
      for (k, v) in b.parts.enumerated() where v > 0 {
        let w = max(1.5, barWidth * Double(v) / most)
        h.open(
          "rect",
          [
            "x": n(left), "y": n(y + 3), "width": n(w), "height": "16", "rx": "2",
            "fill": colors[k % colors.count],
          ])
        h.element("title", "\(b.label): \(legend[k % legend.count]) \(Format.count(v, language))")
        h.close("rect")
        left += w
      }
      h.element(
        "text", ["x": n(left + 6), "y": n(y + 15), "class": "muted"],
        valueText?(b) ?? Format.count(b.parts.reduce(0, +), language))
    }
    h.close("svg")
  }

  private static func n(_ v: Double) -> String { String(format: "%.1f", v) }
}

/// Numbers and times as people read them in the page's language.
enum Format {
  static func count(_ v: Int, _ language: Language) -> String {
    let digits = String(v.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += language == .en ? "," : "." }
      out.append(c)
    }
    return (v < 0 ? "-" : "") + out
  }

  static func percent(_ part: Int, _ whole: Int, _ language: Language) -> String {
    let p = String(format: "%.1f", 100 * Double(part) / Double(max(1, whole)))
    return (language == .en ? p : p.replacingOccurrences(of: ".", with: ",")) + "%"
  }

  /// `2026-01-01 00:00 UTC`: runs are compared across days, never time zones.
  static func timestamp(_ d: Date, _ lang: Language) -> String { ShownTime.wib(d, lang: lang) }
}
