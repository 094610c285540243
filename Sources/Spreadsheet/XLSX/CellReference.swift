/// A1 references parsed from bytes.
enum CellReference {
  static let maxRow = 1_048_576
  static let maxColumn = 16_384

  /// `B12` → (row 12, column 2); nil unless letters then digits, within Excel's grid.
  static func cell(_ v: UnsafeBufferPointer<UInt8>) -> (row: Int, column: Int)? {
    var i = 0
    let n = v.count
    while i < n, v[i] == UInt8(ascii: "$") { i += 1 }
    var column = 0
    var letters = 0
    while i < n {
      let c = v[i] | 0x20
      guard c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") else { break }
      column = column * 26 + Int(c - UInt8(ascii: "a")) + 1
      letters += 1
      i += 1
      if letters > 3 { return nil }
    }
    if i < n, v[i] == UInt8(ascii: "$") { i += 1 }
    guard letters > 0, column <= maxColumn, i < n,
      let row = rowNumber(UnsafeBufferPointer(rebasing: v[i..<n]))
    else { return nil }
    return (row, column)
  }

  /// A row number: digits only, 1 to 1,048,576.
  static func rowNumber(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let r = integer(v), r >= 1, r <= maxRow else { return nil }
    return r
  }

  /// A non-negative decimal integer (surrounding spaces allowed).
  static func integer(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
    var r = 0
    var digits = 0
    for c in v {
      if c == 0x20 { continue }
      guard c >= 0x30, c <= 0x39 else { return nil }
      r = r &* 10 &+ Int(c - 0x30)
      digits += 1
      if digits > 18 { return nil }
    }
    return digits > 0 ? r : nil
  }

  static func integer(_ v: [UInt8]) -> Int? {
    v.withUnsafeBufferPointer { integer($0) }
  }

  /// `A1:B2` (or a single cell, `A1`).
  static func range(_ v: UnsafeBufferPointer<UInt8>) -> CellRange? {
    let colon = v.firstIndex(of: UInt8(ascii: ":"))
    let first = UnsafeBufferPointer(rebasing: v[0..<(colon ?? v.count)])
    guard let a = cell(first) else { return nil }
    var b = a
    if let colon {
      guard let c = cell(UnsafeBufferPointer(rebasing: v[(colon + 1)...])) else { return nil }
      b = c
    }
    return CellRange(
      firstRow: min(a.row, b.row), firstColumn: min(a.column, b.column),
      lastRow: max(a.row, b.row), lastColumn: max(a.column, b.column))
  }

  static func isTrue(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let c = v.first else { return false }
    return c == UInt8(ascii: "1") || c | 0x20 == UInt8(ascii: "t")
  }
}
