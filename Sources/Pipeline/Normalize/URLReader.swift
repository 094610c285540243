import Standard

/// Application addresses (SPEC §4, `url`). Intranet applications are common in
/// regencies, so single-label hosts (`simpeg`, `localhost`) and IPv4 addresses with a
/// port are accepted; only `http` and `https` are; a missing scheme becomes `https://`.
/// Scheme and host are lower-cased, the rest is kept as written.
public enum URLReader {
  public static func normalize(_ s: String) -> String? {
    let t = TextCleaner.clean(s)
    if t.isEmpty || t.utf8.count > 2048 { return nil }
    if placeholders.contains(MatchKey.of(t)) { return nil }
    // Inner spaces, control characters and backslashes never belong in an address.
    for u in t.unicodeScalars where u.value <= 0x20 || u.value == 0x7F || u == "\\" {
      return nil
    }

    var scheme = "https"
    var rest = Substring(t)
    if let r = schemeSeparator(t) {
      let given = t[..<r.lowerBound].lowercased()
      guard given == "http" || given == "https" else { return nil }
      scheme = given
      rest = t[r.upperBound...]
    } else if let colon = t.utf8.firstIndex(of: UInt8(ascii: ":")) {
      // `mailto:…`, `javascript:…`, `http:/x`: a scheme without `//`. A colon followed
      // by a port number (`simpeg:8080/`) is fine.
      let after = t[t.index(after: colon)...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      guard !after.isEmpty, after.allSatisfy(\.isASCIIDigit) else { return nil }
    }

    // Byte searches: the delimiters are ASCII, and a URL is read for every row.
    let authorityEnd =
      rest.utf8.firstIndex {
        $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
      } ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    let tail = rest[authorityEnd...]
    guard !authority.utf8.contains(UInt8(ascii: "@")) else { return nil }

    var host = authority
    var port: Substring?
    if host.hasPrefix("[") {
      // IPv6 literal: `[::1]:8080`.
      guard let close = host.firstIndex(of: "]") else { return nil }
      let inside = host[host.index(after: host.startIndex)..<close]
      guard inside.contains(":"), inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
      else { return nil }
      let after = host[host.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { return nil }
        port = after.dropFirst()
      }
      host = host[...close]
    } else if let colon = host.utf8.firstIndex(of: UInt8(ascii: ":")) {
      port = host[host.index(after: colon)...]
      host = host[..<colon]
      guard isHostName(host) else { return nil }
    } else {
      guard isHostName(host) else { return nil }
    }
    if let p = port {
      guard (1...5).contains(p.count), p.allSatisfy(\.isASCIIDigit), let n = Int(p),
        (1...65535).contains(n)
      else { return nil }
    }
    var out = scheme + "://" + host.lowercased()
    if let p = port { out += ":" + p }
    return out + tail
  }

  /// Words that stand for "no address" in the inventories.
  private static let placeholders: Set<String> = [
    "tidak", "tidakada", "belum", "belumada", "none", "nil", "null", "nihil", "kosong", "na",
    "tbd", "offline", "url", "link",
  ]

  /// A DNS name or a dotted IPv4 address. Labels are letters, digits and hyphens (any
  /// script's letters, for internationalised names); an all-digit last label means an
  /// IPv4 address, which must then be four octets.
  /// Where `://` is (a byte search: no Foundation string search per cell).
  private static func schemeSeparator(_ t: String) -> Range<String.Index>? {
    let u = t.utf8
    var i = u.startIndex
    while i != u.endIndex {
      if u[i] == UInt8(ascii: ":") {
        let a = u.index(after: i)
        if a != u.endIndex, u[a] == UInt8(ascii: "/") {
          let b = u.index(after: a)
          if b != u.endIndex, u[b] == UInt8(ascii: "/") { return i..<u.index(after: b) }
        }
      }
      i = u.index(after: i)
    }
    return nil
  }

  static func isHostName(_ host: Substring) -> Bool {
    if host.isEmpty || host.utf8.count > 253 { return false }
    if host.utf8.allSatisfy({ $0 < 0x80 }) { return isASCIIHostName(Array(host.utf8)) }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    for label in labels {
      guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-",
        label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
      else { return false }
    }
    if let last = labels.last, last.allSatisfy(\.isASCIIDigit) {
      guard labels.count == 4 else { return false }
      for label in labels {
        guard label.count <= 3, label.allSatisfy(\.isASCIIDigit), let v = Int(label), v <= 255
        else { return false }
      }
    }
    return true
  }
}

extension URLReader {
  /// `isHostName` for a host of ASCII bytes only (the usual case), without
  /// breaking it into characters.
  fileprivate static func isASCIIHostName(_ host: [UInt8]) -> Bool {
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
    let labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    for label in labels {
      guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"),
        label.last != UInt8(ascii: "-"),
        label.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") })
      else { return false }
    }
    if let last = labels.last, last.allSatisfy(isDigit) {
      guard labels.count == 4 else { return false }
      for label in labels {
        guard label.count <= 3, label.allSatisfy(isDigit),
          label.reduce(0, { $0 * 10 + Int($1 - 0x30) }) <= 255
        else { return false }
      }
    }
    return true
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
