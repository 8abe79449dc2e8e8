import DescentProblems
import Foundation

// Generated study specifications: random keys (accepted, mistyped, unknown), values of
// every type, nesting, YAML anchors and aliases, grids of up to millions of runs, huge
// budgets. Each is run by `descent study` into a folder of its own (with `--check`
// where the sweep would be long), and must end within 10 s with exit 0 or a one-line
// error, leaving the specification, a file beside it and the folder's files whole.

/// A YAML scalar or collection of any type, sometimes odd.
func oddYAMLValue(_ rng: inout SplitMix64, depth: Int = 0) -> String {
  switch rng.below(depth > 1 ? 6 : 9) {
  case 0: return rng.pick(["0", "1", "-1", "3", "20", "99999999999999999999", "1e12", "-0", "0x10", "1_000"])
  case 1: return rng.pick(["0.5", "1e-3", "nan", ".inf", "-.inf", "1e309", "2.5e-320"])
  case 2: return rng.pick(["null", "~", "true", "no", "''", "\"\"", "'x: y'", "\"\\u0000\"", "é", "[]", "{}"])
  case 3: return rng.pick(["beale", "gd", "csawg", "bogus", "learning-rate", "seed"])
  case 4: return "*anchor"
  case 5:
    return "[" + (0..<rng.below(4)).map { _ in oddYAMLValue(&rng, depth: depth + 1) }.joined(separator: ", ") + "]"
  default:
    let keys = ["name", "settings", "budget", "seeds", "label", "defaults", "bogus", "Name"]
    return "{"
      + (0..<rng.below(3)).map { _ in "\(rng.pick(keys)): \(oddYAMLValue(&rng, depth: depth + 1))" }
      .joined(separator: ", ") + "}"
  }
}

/// A grid for a setting: one value, a few, or thousands.
func grid(_ rng: inout SplitMix64, large: inout Bool) -> String {
  switch rng.below(6) {
  case 0:
    large = true
    return "[" + (1...rng.pick([1_000, 3_000])).map { "\($0)e-6" }.joined(separator: ", ") + "]"
  case 1: return oddYAMLValue(&rng)
  default:
    return "[" + (0..<(1 + rng.below(3))).map { _ in rng.pick(oddNumbers + oddIntegers) }.joined(separator: ", ") + "]"
  }
}

/// One specification, and whether its sweep could be long (run with `--check`).
func specification(_ rng: inout SplitMix64) -> (text: String, long: Bool) {
  var long = false
  var lines: [String] = []
  let budget = rng.below(5) == 0 ? rng.pick(["1e12", "99999999999", "-5", "0", "x", "[1]"]) : String(1 + rng.below(20))
  if rng.below(10) > 0 { lines.append("budget: &anchor \(budget)") }
  if budget.count > 3 { long = true }
  if rng.below(3) == 0 { lines.append("seeds: \(rng.pick(["[0, 1]", "[0]", "[]", "[-1]", "0", "*anchor", "[1e3]"]))") }
  if rng.below(8) == 0 {
    lines.append("\(rng.pick(["seed", "Budget", "method", "problem", "quik", "extra"])): \(oddYAMLValue(&rng))")
  }
  let cheap = ["beale", "rosenbrock", "wood", "quadratic", "diagonal-quadratic", "breast-cancer-logistic", "bogus"]
  lines.append("problems:")
  for _ in 0..<(1 + rng.below(2)) {
    let name = rng.pick(cheap)
    lines.append("  - name: \(name)")
    if rng.below(3) == 0 {
      let setting = rng.pick(["dimension", "seed", "batch-size", "condition", "b", "bogus"])
      var value = grid(&rng, large: &long)
      if setting == "dimension" && value.count > 100 { value = "[2, 3]" }
      lines.append("    settings: {\(setting): \(value)}")
    }
    if rng.below(6) == 0 {
      lines.append("    \(rng.pick(["budget", "seeds", "label", "bogus"])): \(oddYAMLValue(&rng))")
    }
  }
  lines.append("methods:")
  for _ in 0..<(1 + rng.below(3)) {
    let method = rng.pick(optimizers)
    lines.append("  - name: \(rng.below(12) == 0 ? "bogus" : method.name)")
    if rng.below(8) == 0 && method.parameters.count >= 2 {
      // A grid of a million runs or more: two settings of a thousand values each.
      long = true
      let values = "[" + (1...1_000).map { "\($0)e-7" }.joined(separator: ", ") + "]"
      lines.append("    settings: {\(method.parameters[0].name): \(values), \(method.parameters[1].name): \(values)}")
    } else if rng.below(2) == 0, let setting = method.parameters.randomElement(using: &rng) {
      lines.append("    settings: {\(rng.below(10) == 0 ? "bogus" : setting.name): \(grid(&rng, large: &long))}")
    }
    if rng.below(6) == 0 {
      lines.append("    \(rng.pick(["label", "defaults", "budget", "bogus"])): \(oddYAMLValue(&rng))")
    }
  }
  if rng.below(5) == 0 { lines.append("quick: \(oddYAMLValue(&rng))") }
  if rng.below(15) == 0 {
    lines.insert(rng.pick(["- a list at the top", "  bad: indent", "{unclosed", "\t tab"]), at: 0)
  }
  if rng.below(20) == 0 { lines = [lines.joined(separator: "\n").replacingOccurrences(of: ":", with: "")] }
  return (lines.joined(separator: "\n") + "\n", long)
}

/// Runs `count` generated specifications; returns the failures.
func fuzzSpecifications(_ binary: String, count: Int, rng: inout SplitMix64, folder: String) throws -> Int {
  var failures = 0
  for index in 0..<count {
    let place = "\(folder)/spec-\(index)"
    try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
    let (text, long) = specification(&rng)
    try text.write(toFile: "\(place)/spec.yaml", atomically: true, encoding: .utf8)
    try "keep\n".write(toFile: "\(place)/beside", atomically: true, encoding: .utf8)
    let arguments =
      ["study", "\(place)/spec.yaml", "--output", "\(place)/out", "--quiet", "--jobs", "1"] + (long ? ["--check"] : [])
    let outcome = try execute(binary, arguments, scratch: "\(place)/output", limit: 10)
    var problems: [String] = []
    if outcome.timedOut { problems.append("ran past 10 s") }
    if outcome.signalled { problems.append("ended by signal \(outcome.status)") }
    if !outcome.timedOut && !outcome.signalled && outcome.status != 0 && outcome.status != 1 {
      problems.append("exit code \(outcome.status)")
    }
    if outcome.status == 1 {
      let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      if lines.count != 1 || !lines[0].hasPrefix("Error: ") {
        problems.append("error is not one line: \(outcome.stderr.debugDescription)")
      }
    }
    if (try? String(contentsOfFile: "\(place)/spec.yaml", encoding: .utf8)) != text {
      problems.append("the specification changed")
    }
    if (try? String(contentsOfFile: "\(place)/beside", encoding: .utf8)) != "keep\n" {
      problems.append("a file beside it changed")
    }
    // What the folder holds: whole JSON lines, and nothing but the study's files.
    let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(place)/out")) ?? []
    for file in files where !["results.jsonl", "timing.jsonl", "specification.json"].contains(file) {
      problems.append("unexpected file \(file) in the results folder")
    }
    for file in ["results.jsonl", "timing.jsonl"] {
      let data = FileManager.default.contents(atPath: "\(place)/out/\(file)") ?? Data()
      if !data.isEmpty && data.last != UInt8(ascii: "\n") { problems.append("\(file) ends in a cut-short line") }
      for line in data.split(separator: UInt8(ascii: "\n"))
      where (try? JSONSerialization.jsonObject(with: Data(line))) == nil {
        problems.append("\(file) has a line that is not JSON")
        break
      }
    }
    if !problems.isEmpty {
      failures += 1
      print("FAIL spec \(index): descent \(arguments.joined(separator: " "))")
      print(text.split(separator: "\n").map { "  | \($0)" }.joined(separator: "\n"))
      for problem in problems { print("  \(problem)") }
    }
    try? FileManager.default.removeItem(atPath: place)
  }
  return failures
}
