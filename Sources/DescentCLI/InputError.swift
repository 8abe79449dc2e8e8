import Foundation

/// A command line the tool refuses, with one line naming what was typed and what
/// is allowed.
struct InputError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
