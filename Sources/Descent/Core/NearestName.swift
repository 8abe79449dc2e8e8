/// The known name closest to a mistyped one, for "did you mean": within an edit
/// distance of 1 for a name of up to 3 letters, else of a third of its length (2 to 3).
package enum NearestName {
  package static func to(_ typed: String, among known: [String]) -> String? {
    let limit = typed.count <= 3 ? 1 : min(3, max(2, typed.count / 3))
    let ranked = known.map { (name: $0, distance: distance(typed, $0)) }.filter { $0.distance <= limit }
    return ranked.min { ($0.distance, $0.name) < ($1.distance, $1.name) }?.name
  }

  /// Levenshtein distance, insertions, deletions and substitutions counting 1 each.
  package static func distance(_ a: String, _ b: String) -> Int {
    let (a, b) = (Array(a), Array(b))
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...max(1, b.count) where !b.isEmpty {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// The long options a command's help lists, `--name` without the dashes.
  package static func options(inHelpOf text: String) -> [String] {
    var names: Set<String> = []
    var rest = Substring(text)
    while let range = rest.range(of: "--") {
      let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
      if !name.isEmpty { names.insert(String(name)) }
      rest = rest[range.upperBound...]
    }
    return names.sorted()
  }
}
