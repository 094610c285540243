import Foundation
import Pipeline
import Standard

/// What an OPD's page says is still expected of it: the domains it has not
/// sent (SPEC's six) with the sheet and columns to fill in, and the short page
/// of an OPD that has sent nothing yet.
extension FeedbackPages {
  /// Domain keys in standard order for which `records` hold no row.
  func missingDomainKeys(_ records: [Record]) -> [String] {
    let sent = Set(records.map(\.domain))
    return facts.standard.domains.map(\.key).filter { !sent.contains($0) }
  }

  /// The list of domains to send: the template sheet and its required columns.
  func domainsToSend(_ h: inout HTML, _ keys: [String]) {
    h.element("ul") { h in
      for key in keys {
        guard let d = facts.standard.domain(key) else { continue }
        h.element("li") { h in
          h.element("span", ["class": "place"], facts.domainLabel(key))
          h.text(": ")
          h.text(
            t(
              .domainToSend,
              [
                "lembar": d.label,
                "kolom": d.requiredFields.map(\.label).joined(separator: ", "),
              ]))
        }
      }
    }
  }

  func missingDomains(_ h: inout HTML, _ records: [Record]) {
    let missing = missingDomainKeys(records)
    guard !missing.isEmpty else { return }
    h.element("section", ["id": "belum-dikirim"]) { h in
      h.heading(t(.missingDomainsHeading))
      h.element("p", t(.missingDomainsLead, ["pengelola": collectingOffice]))
      domainsToSend(&h, missing)
    }
  }

  /// The page of an OPD of the registry that sent nothing yet: short, what
  /// is expected and how to send it.
  func renderNotSent(_ office: OPDRegistry.OPD) -> String {
    PageFrame.document(
      title: t(.feedback) + " — " + office.name, language: facts.language, withScript: false
    ) { h in
      h.element("header", ["class": "top"]) { h in
        h.element("div", ["class": "wrap"]) { h in
          h.element(
            "p", ["class": "eyebrow"], t(.feedbackEyebrow) + " · " + configuration.institutionName)
          h.element("h1", office.name)
          h.element(
            "p",
            t(.opdCode) + " " + office.code + " · " + t(.period) + " " + configuration.period
              + " · " + t(.checked) + " " + Format.timestamp(createdAt, facts.language))
        }
      }
      h.open("main", ["class": "wrap"])
      // An OPD whose files are gone since the last round is told what left
      // with them; one that never sent anything has nothing to compare.
      if context.changes?.of(office.code) != nil { roundPart(&h, code: office.code) }
      h.element("section") { h in
        h.element(
          "p", ["class": "note"],
          t(.notSentIntro, ["periode": configuration.period, "pengelola": collectingOffice]))
      }
      h.element("section", ["id": "belum-dikirim"]) { h in
        h.heading(t(.expectedHeading))
        domainsToSend(&h, facts.standard.domains.map(\.key))
        h.element("ol", ["class": "steps"]) { h in
          h.element("li", t(.notSentStepTemplate, ["pengelola": collectingOffice]))
          h.element("li", t(.notSentStepFill, ["pengelola": collectingOffice]))
        }
      }
      h.element("footer") { h in
        h.text(
          t(.feedbackFooter, ["versi": ToolVersion.current, "pengelola": collectingOffice]))
      }
      h.close("main")
    }
  }
}
