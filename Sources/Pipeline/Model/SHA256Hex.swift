import Crypto

extension Sequence where Element == UInt8 {
  /// Lower-case hexadecimal, as `sumber[].sha256` is written.
  var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in self {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension SHA256.Digest {
  var hex: String { Array(self).hex }
}
