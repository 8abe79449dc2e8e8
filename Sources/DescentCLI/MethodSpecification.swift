import Foundation

/// `name=value` pairs, as `--set` and method specifications give them: each name
/// once, none empty.
enum Assignments {
  /// Parses `assignments`; `context` is the text they came from, for messages.
  static func parse(_ assignments: [String], in context: (String) -> String) throws -> [String: String] {
    var values: [String: String] = [:]
    for assignment in assignments {
      let pair = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard pair.count == 2, !pair[0].isEmpty else {
        throw InputError("'\(assignment)'\(context(assignment)) is not setting=value")
      }
      guard values[pair[0]] == nil else {
        throw InputError("\(pair[0]) is given twice\(context(assignment)): give each setting once")
      }
      values[pair[0]] = pair[1]
    }
    return values
  }
}

/// An optimizer as the tool names it (`run --optimizer`, each of `compare
/// --optimizers`): a catalog name, then settings after colons, e.g.
/// `csawg:planning-steps=5:corrections=10`.
struct MethodSpecification {
  let text: String
  let name: String
  let settings: [String: String]

  init(text: String, name: String, settings: [String: String]) {
    self.text = text
    self.name = name
    self.settings = settings
  }

  init(_ text: String) throws {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard let name = parts.first, !name.isEmpty else {
      throw InputError("'\(text)' has no optimizer name before its settings: expected name[:setting=value…]")
    }
    self.text = text
    self.name = name
    settings = try Assignments.parse(Array(parts.dropFirst())) { _ in " in '\(text)'" }
  }

  /// A comma-separated list of specifications, at least one.
  static func list(_ text: String) throws -> [MethodSpecification] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError("--optimizers '\(text)' names no optimizer: expected name[:setting=value…], separated by commas")
    }
    for (index, item) in items.enumerated() where item.trimmingCharacters(in: .whitespaces).isEmpty {
      throw InputError(
        "--optimizers '\(text)' has an empty entry \(index + 1): expected name[:setting=value…], separated by commas")
    }
    return try items.map(MethodSpecification.init)
  }
}
