/// A count with its noun in the right number, for messages: "1 run", "2 runs".
public enum Plural {
  /// `count` and `noun`, or `plural` (the noun with an s, unless given) when count ≠ 1.
  public static func of(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
  }
}
