import Pipeline

/// The one table of findings, shared by the report and the feedback pages.
enum FindingsTable {
  static func render(
    _ h: inout HTML, facts: ReportFacts, indices: [Int], id: String? = nil,
    showFile: Bool = true
  ) {
    func t(_ text: PageText) -> String { text(facts.language) }
    h.table(
      class: "findings", id: id,
      [
        .text("ID"), .text(t(.level)), .text(t(.location)), .text(t(.column)),
        .text(t(.value)), .text(t(.problemAndFix)),
      ],
      colgroup:
        "<colgroup><col class=\"c-id\"><col class=\"c-lv\"><col class=\"c-place\"><col class=\"c-col\"><col class=\"c-val\"><col></colgroup>"
    ) { h in
      for i in indices {
        let f = facts.architecture.findings[i]
        let (message, fix) = facts.rendered(i)
        h.element(
          "tr", ["data-tingkat": f.severity.rawValue, "data-jenis": f.type.rawValue]
        ) { h in
          h.element("td", ["class": "small muted"], ArchitectureDocument.findingID(i))
          h.element("td") { h in
            h.element("span", ["class": "lv lv-" + f.severity.rawValue], f.severity.rawValue)
            h.element("div", ["class": "small muted"], f.type.rawValue)
          }
          h.element("td", ["class": "place"], facts.place(f.location, withFile: showFile))
          h.element("td", f.columnLabel ?? "")
          h.element("td") { h in
            if let v = f.value, !v.isEmpty { h.element("span", ["class": "val"], v) }
          }
          h.element("td") { h in
            h.element("div", message)
            if let fix { h.element("div", ["class": "muted"], fix) }
          }
        }
      }
    }
  }
}
