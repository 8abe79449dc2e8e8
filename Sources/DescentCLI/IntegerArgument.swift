import ArgumentParser

/// An integer option's value read with its bound, so that `--epochs 2.5` or `--jobs 0`
/// says what the option expects beside the value as typed.
enum IntegerArgument {
  struct Refused: Error, CustomStringConvertible {
    let description: String
  }

  /// A transform for `@Option` that accepts integers ≥ `minimum`; `why` follows the bound.
  static func atLeast(_ minimum: Int, _ why: String = "") -> @Sendable (String) throws -> Int {
    { text in
      guard let value = Int(text), value >= minimum else {
        throw Refused(description: "expected an integer ≥ \(minimum)\(why)")
      }
      return value
    }
  }
}
