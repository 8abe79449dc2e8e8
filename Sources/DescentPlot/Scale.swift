import Foundation

/// Maps data values to pixel positions along one axis, linearly or by decades, and
/// chooses the ticks to label.
public struct Scale: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case linear
    case logarithmic
  }

  public let kind: Kind
  public let domain: ClosedRange<Double>
  public let range: ClosedRange<Double>
  /// Pixel positions run from `range.lowerBound` at `domain.lowerBound`; set for a
  /// y axis, where larger values sit higher (smaller pixel y).
  public let inverted: Bool

  public init(_ kind: Kind, domain: ClosedRange<Double>, range: ClosedRange<Double>, inverted: Bool = false) {
    precondition(kind == .linear || domain.lowerBound > 0, "a logarithmic domain must be positive")
    self.kind = kind
    self.domain = domain
    self.range = range
    self.inverted = inverted
  }

  func transformed(_ value: Double) -> Double { kind == .linear ? value : log10(value) }

  /// The pixel position of `value`; values outside the domain (and, on a log scale,
  /// values ≤ 0) are clamped to its edges.
  public func position(_ value: Double) -> Double {
    let low = transformed(domain.lowerBound)
    let high = transformed(domain.upperBound)
    let clamped: Double
    if kind == .logarithmic && !(value > 0) {
      clamped = low
    } else {
      clamped = min(max(transformed(value), low), high)
    }
    let fraction = high == low ? 0 : (clamped - low) / (high - low)
    let t = inverted ? 1 - fraction : fraction
    return range.lowerBound + t * (range.upperBound - range.lowerBound)
  }

  /// Tick values: every decade (thinned to at most about 8) on a log scale, or where
  /// the axis holds fewer than two decades, 1, 2 and 5 × 10ⁿ, or a linear axis's steps
  /// (so that a short axis has a scale to read); round steps of 1, 2 or 5 × 10ⁿ on a linear one.
  public var ticks: [Double] {
    switch kind {
    case .logarithmic:
      let low = Int(log10(domain.lowerBound).rounded(.up))
      let high = Int(log10(domain.upperBound).rounded(.down))
      guard high - low < 1 else {
        let stride = max(1, Int((Double(high - low) / 7).rounded(.up)))
        return Swift.stride(from: low, through: high, by: stride).map { pow(10, Double($0)) }
      }
      let first = Int(log10(domain.lowerBound).rounded(.down))
      let round = (first...(high + 1)).flatMap { n in [1.0, 2, 5].map { $0 * pow(10, Double(n)) } }
        .filter { domain.contains($0) }
      // Narrower still: a linear axis's round steps, placed on this one.
      return round.count >= 2 ? round : Scale(.linear, domain: domain, range: range).ticks
    case .linear:
      let span = domain.upperBound - domain.lowerBound
      guard span > 0 else { return [domain.lowerBound] }
      let rough = span / 6
      let magnitude = pow(10, floor(log10(rough)))
      let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
      let first = (domain.lowerBound / step).rounded(.up) * step
      return Swift.stride(from: first, through: domain.upperBound + step * 1e-9, by: step).map {
        abs($0) < step * 1e-9 ? 0 : $0
      }
    }
  }

  /// A tick's label: `10⁻³` on a log scale, a short number on a linear one.
  public func label(_ value: Double) -> String {
    switch kind {
    case .logarithmic:
      let exponent = Int(log10(value).rounded())
      guard abs(value / pow(10, Double(exponent)) - 1) < 1e-9 else { return String(format: "%g", value) }
      return "10" + Scale.superscript(exponent)
    case .linear:
      if value == value.rounded() && abs(value) < 1e6 { return String(Int(value)) }
      return String(format: "%g", value)
    }
  }

  static func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(abs(n)).map { digits[Int(String($0))!] }
    return (n < 0 ? "⁻" : "") + String(body)
  }
}
