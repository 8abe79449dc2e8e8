/// A colour and a line style for each method of a page, the same in every figure of
/// it, and chosen from the method's label alone where it can be, so that a method
/// looks alike on every page: each label's colour is the one its hash (FNV-1a, the
/// same on every machine) picks, or, when another label of the page with the same line
/// style holds it, the next free one.
public enum SeriesLooks {
  public struct Look: Equatable, Sendable {
    public var color: String
    public var style: Series.Style

    public init(color: String, style: Series.Style) {
      (self.color, self.style) = (color, style)
    }
  }

  /// Ten colours told apart in print and by most colour-blind readers, then ten darker.
  public static let colors = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#e7ba52", "#ad494a", "#6b6ecf", "#9c9ede", "#3182bd",
  ]

  /// The colours of the methods every page draws (the reproduction's lines are these
  /// too): a method named so has its colour on every page, and no other label takes it.
  public static let methodColors = [
    "gd": "#7f7f7f", "nesterov": "#1f77b4", "heavy-ball": "#17becf", "rmsprop": "#bcbd22", "adam": "#e377c2",
    "csawg-safeguarded": "#000000",
  ]

  /// Looks for `labels`: a label of ``methodColors`` in its colour, the others by their
  /// hash among the rest; `fixed` gives some labels their look outright, and `style` the
  /// line style of each of the others.
  public static func assign(
    _ labels: some Sequence<String>, fixed: [String: Look] = [:], style: (String) -> Series.Style = { _ in .line }
  ) -> [String: Look] {
    var looks = fixed
    let pool = colors.filter { !methodColors.values.contains($0) }
    var taken: [String: Set<Int>] = [:]  // colours held, by line style
    for label in Set(labels).subtracting(fixed.keys).sorted() {
      let line = style(label)
      if let color = methodColors[label] {
        looks[label] = Look(color: color, style: line)
        continue
      }
      let key = "\(line)"
      let preferred = Int(hash(label) % UInt64(pool.count))
      let free = (0..<pool.count).map { (preferred + $0) % pool.count }.first {
        !(taken[key]?.contains($0) ?? false)
      }
      let color = free ?? preferred
      taken[key, default: []].insert(color)
      looks[label] = Look(color: pool[color], style: line)
    }
    return looks
  }

  static func hash(_ text: String) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return value
  }
}
