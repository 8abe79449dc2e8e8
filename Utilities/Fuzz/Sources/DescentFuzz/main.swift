// Runs generated command lines against the built `descent` tool and checks what a
// user must always get, whatever they type:
//
//   - no signal (no trap, no crash) and no exit code above 2;
//   - no run past 10 seconds, and none past the evaluation budget it was given (on the
//     real-data problems, whose gradient is a pass over up to 1,797 rows, budgets are
//     at most 100 evaluations);
//   - every error exactly one line, `Error: …`, naming the value (or the flag or the
//     setting) that was typed;
//   - no output path of another kind (directory, FIFO, symbolic link, device)
//     replaced or written through.
//
// The names and settings it mutates come from the catalog. Each command line is a
// valid one with one odd part: a value at or past its limits, huge or malformed, a
// malformed specification or start, or an output path of every kind.
//
// Then generated study specifications (SpecificationCases.swift), a quarter as many.
//
//   swift run --package-path Utilities/Fuzz DescentFuzz .build/release/descent [count] [seed]
import Descent
import DescentProblems
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small seeded generator (SplitMix64), so a run can be repeated from its seed.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// One generated command line and what its outcome must show.
struct Case {
  var arguments: [String]
  /// The error line, if there is one, must contain at least one of these.
  var names: [String]
  /// The evaluation budget the run was given, when it must keep one.
  var budget: Int?
  /// Paths that must be of the same kind, with the same content, afterwards.
  var guarded: [String] = []
}

/// Values at and past the limits of a number.
let oddNumbers = [
  "0", "-0", "-1", "1", "2", "0.5", "1e-3", "1e308", "1e309", "-1e308", "1e-320", "1e-400", "nan", "-nan", "inf",
  "-inf", "infinity", "0x1p3", "1_000", " 1", "+1", "abc", "", "1,2", "0.99999999999999999", "1.0000000000000002",
]
/// Values at and past the limits of an integer or a size.
let oddIntegers = [
  "0", "-1", "1", "2", "3", "1000", "1000000000", "9223372036854775807", "9223372036854775808",
  "-9223372036854775808", "4611686018427387904", "1e3", "1.5", "abc", "", "007", "+2",
]
/// Words a choice may be given.
let oddWords = ["paper", "reused", "fresh", "adam", "momentum", "increasing", "problem", "lookahead", "csawg", "x", ""]

/// A method or problem as the fuzz sees it: its name and its settings' names and kinds.
struct Listed {
  let name: String
  let parameters: [(name: String, kind: SettingKind)]
}

func listed<T: Cataloged>(_: T.Type) -> Listed {
  Listed(name: T.catalogName, parameters: T.catalogEntry.settings.filter { !$0.isInner }.map { ($0.name, $0.kind) })
}

let optimizers = OptimizerCatalog.listed(Double.self).map { listed($0) }
let problems = ProblemCatalog.types(Double.self).map { listed($0) }
let dataProblems = Set(
  (ProblemCatalog.realData(Double.self) + ProblemCatalog.training(Double.self)).map { $0.catalogName })

extension RandomNumberGenerator {
  mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The values to try for one setting, by its kind.
func oddValues(for parameter: (name: String, kind: SettingKind)) -> [String] {
  switch parameter.kind {
  case .integer: oddIntegers
  case .choice(let options): options + oddWords
  case .list: ["1,2", "1,", ",", "1,,2", "1e400,1", "nan,1", "", "x", "0,0", "-1,2", "1000,1"]
  case .real: oddNumbers
  }
}

/// A valid `run` with a small budget, to which one odd part is added.
func baseRun(_ rng: inout SplitMix64, budget: Int) -> [String] {
  let method = rng.pick(optimizers.map(\.name))
  return ["run", "--optimizer", method, "--problem", rng.pick(problems.map(\.name)), "--max-evaluations", "\(budget)"]
}

func generate(_ rng: inout SplitMix64, folder: String, index: Int) -> Case {
  let budget = rng.pick([0, 1, 2, 5, 17, 100, 1000, 3000])
  switch rng.below(10) {
  case 0, 1, 2:
    // A hyperparameter of the chosen method at or past its limits.
    let method = rng.pick(optimizers)
    let parameter = rng.pick(method.parameters)
    let value = rng.pick(oddValues(for: parameter))
    let arguments = [
      "run", "--optimizer", method.name, "--problem", rng.pick(problems.map(\.name)), "--max-evaluations", "\(budget)",
      "--\(parameter.name)", value,
    ]
    return Case(arguments: arguments, names: [value, parameter.name], budget: budget)
  case 3:
    // A problem setting; large dimensions with a tiny budget, so that the work stays small.
    let problem = rng.pick(problems)
    let parameter = rng.pick(
      problem.parameters + [(name: "bogus", kind: .real)])
    let value = rng.pick(oddValues(for: parameter) + ["100000"])
    let small = parameter.name == "dimension" ? min(budget, 5) : budget
    let method = rng.pick(optimizers.map(\.name))
    let arguments = [
      "run", "--optimizer", method, "--problem", problem.name, "--max-evaluations", "\(small)",
      "--set", "\(parameter.name)=\(value)",
    ]
    // A quadratic whose Q is singular has no f*, which Polyak's step and SPS need:
    // their refusal names the setting they lack.
    let needsMinimum = method == "polyak" || method == "sps"
    return Case(
      arguments: arguments, names: [value, parameter.name, "--set"] + (needsMinimum ? ["minimum-value"] : []),
      budget: small)
  case 4:
    // A malformed start.
    let start = rng.pick(["", ",", "1", "1,2,3", "nan,0", "1e309,0", "-1,-0", "1,,2", "x,y", "1e308,1e308", "0,0"])
    return Case(
      arguments: baseRun(&rng, budget: budget) + ["--start", start], names: [start, "start"], budget: budget)
  case 5:
    // Stopping rules and the tool's own options at and past their limits.
    let flag = rng.pick([
      "--max-iterations", "--error-tolerance", "--value-tolerance", "--gradient-tolerance", "--progress-rows",
      "--precision",
    ])
    let value =
      flag == "--precision" ? rng.pick(oddWords + ["float", "double", "half"]) : rng.pick(oddIntegers + oddNumbers)
    return Case(
      arguments: baseRun(&rng, budget: budget) + [flag, value], names: [value, String(flag.dropFirst(2))],
      budget: budget)
  case 6:
    // A malformed or odd list of method specifications for compare.
    let spec = rng.pick([
      ":", "gd:", "gd:lr", ":horizon=2", "csawg:horizon=2:horizon=3", ",,", "gd,,adam", "lookahead:inner=lookahead",
      "adam:beta2=1", "csawg:planning-steps=9223372036854775807", "csawg:corrections=9223372036854775807", "bogus",
      "gd:learning-rate=", "nelder-mead:xatol=-1", "lbfgs:memory=0", "", " ", "csawg:horizon=1000000000",
      "\(rng.pick(optimizers.map(\.name))):\(rng.pick(optimizers).parameters.first?.name ?? "x")=\(rng.pick(oddNumbers))",
    ])
    let small = min(budget, 1000)
    return Case(
      arguments: ["compare", "--optimizers", spec, "--max-evaluations", "\(small)"],
      names: [spec, "optimizers"] + spec.split(whereSeparator: { ":,=".contains($0) }).map(String.init), budget: small)
  case 7:
    // Unknown names, unknown flags, flags without values.
    let extra = rng.pick([
      ["--optimizer", "adamax"], ["--problem", "himmelblau"], ["--hozion", "2"], ["--horizon"], ["--set", "noequals"],
      ["--set", "=1"], ["--inner", "bogus", "--optimizer", "lookahead"], ["--trace"], ["extra"],
    ])
    let bare = extra.map { $0.hasPrefix("--") ? String($0.dropFirst(2)) : $0 }
    return Case(arguments: baseRun(&rng, budget: budget) + extra, names: extra + bare, budget: budget)
  default:
    return outputCase(&rng, folder: folder, index: index, budget: budget)
  }
}

/// An output path of one kind: a new file, a regular file, a directory, a FIFO, a
/// symbolic link, a device node (when this process can make one), a path under a
/// file or a missing directory, a name too long.
func outputCase(_ rng: inout SplitMix64, folder: String, index: Int, budget: Int) -> Case {
  let place = "\(folder)/case-\(index)"
  try? FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
  try? "keep\n".write(toFile: "\(place)/regular", atomically: false, encoding: .utf8)
  var guarded: [String] = []
  let kind = rng.below(9)
  let target: String
  switch kind {
  case 0: target = "\(place)/new.csv"
  case 1: target = "\(place)/regular"
  case 2:
    target = "\(place)/dir"
    mkdir(target, 0o755)
    guarded.append(target)
  case 3:
    target = "\(place)/fifo"
    mkfifo(target, 0o644)
    guarded.append(target)
  case 4:
    target = "\(place)/link"
    symlink("\(place)/regular", target)
    guarded += [target, "\(place)/regular"]
  case 5:
    target = "\(place)/device"
    if mknod(target, S_IFCHR | 0o644, dev_t((1 << 8) | 7)) == 0 { guarded.append(target) }
  case 6: target = "\(place)/regular/under.csv"
  case 7: target = "\(place)/missing/deeper.csv"
  default: target = "\(place)/" + String(repeating: "n", count: 300)
  }
  let arguments =
    rng.below(4) == 0
    ? ["reproduce", "--figure", "7a", "--quiet", "--output", target]
    : baseRun(&rng, budget: min(budget, 200)) + ["--trace", target]
  return Case(arguments: arguments, names: [target, "trace", "output"], budget: min(budget, 200), guarded: guarded)
}

/// The kind and content of a path, to compare before and after a run.
func fingerprint(_ path: String) -> String {
  var status = stat()
  guard lstat(path, &status) == 0 else { return "absent" }
  let kind =
    [
      "\(S_IFREG)": "file", "\(S_IFDIR)": "directory", "\(S_IFLNK)": "link", "\(S_IFIFO)": "FIFO",
      "\(S_IFCHR)": "device",
    ][
      "\(status.st_mode & S_IFMT)"] ?? "other"
  guard kind == "file" else { return "\(kind) \(status.st_rdev)" }
  let content = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  return "file of \(content.utf8.count) bytes, \(content.prefix(12).debugDescription)"
}

struct Outcome {
  var signalled = false
  var status: Int32 = 0
  var seconds = 0.0
  var timedOut = false
  var stdout = ""
  var stderr = ""
}

/// `run` with its evaluation budget at most 100 when it names a real-data problem: an
/// evaluation there is a pass over the data, milliseconds, and the harness is about
/// input, not about how long a large budget takes. Dense BFGS on an MNIST-1D network
/// (d ≈ 15,000: an iteration updates a d × d matrix, 2·10⁸ numbers) gets 3.
func cappedOnData(_ run: Case) -> Case {
  let dense = run.arguments.contains("bfgs") && run.arguments.contains { $0.hasPrefix("mnist1d-") }
  let cap = dense ? 3 : 100
  guard run.arguments.contains(where: { dataProblems.contains($0) }),
    let index = run.arguments.firstIndex(of: "--max-evaluations"), index + 1 < run.arguments.count,
    let budget = Int(run.arguments[index + 1]), budget > cap
  else { return run }
  var capped = run
  capped.arguments[index + 1] = "\(cap)"
  capped.budget = run.budget.map { min($0, cap) }
  return capped
}

/// The names an error of `run` may give: its odd part's, and f*'s setting wherever
/// Polyak's step or SPS runs, since a problem may not know its f* (the network does not).
func names(of run: Case) -> [String] {
  run.names + (run.arguments.contains { $0 == "polyak" || $0 == "sps" } ? ["minimum-value"] : [])
}

/// Runs the tool with `arguments`, its output in files, stopping it after `limit` seconds.
func execute(_ binary: String, _ arguments: [String], scratch: String, limit: Double) throws -> Outcome {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: binary)
  process.arguments = arguments
  _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
  _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
  let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
  let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
  process.standardOutput = out
  process.standardError = err
  let start = Date()
  try process.run()
  var outcome = Outcome()
  while process.isRunning {
    if Date().timeIntervalSince(start) > limit {
      outcome.timedOut = true
      kill(process.processIdentifier, SIGKILL)
      break
    }
    usleep(2_000)
  }
  process.waitUntilExit()
  outcome.seconds = Date().timeIntervalSince(start)
  outcome.signalled = process.terminationReason == .uncaughtSignal && !outcome.timedOut
  outcome.status = process.terminationStatus
  try out.close()
  try err.close()
  outcome.stdout = (try? String(contentsOfFile: scratch + ".out", encoding: .utf8)) ?? ""
  outcome.stderr = (try? String(contentsOfFile: scratch + ".err", encoding: .utf8)) ?? ""
  return outcome
}

/// The problems with one outcome, empty when it is as it must be.
func check(_ run: Case, _ outcome: Outcome, before: [String: String]) -> [String] {
  var problems: [String] = []
  if outcome.timedOut { problems.append("ran past 10 s") }
  if outcome.signalled { problems.append("ended by signal \(outcome.status)") }
  if !outcome.signalled && !outcome.timedOut && outcome.status > 2 { problems.append("exit code \(outcome.status)") }
  if outcome.status == 1 {
    let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    if lines.count != 1 || !lines[0].hasPrefix("Error: ") {
      problems.append("error is not one line: \(outcome.stderr.debugDescription)")
    } else if !names(of: run).contains(where: {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty && lines[0].contains($0)
    }) {
      problems.append("error names none of \(names(of: run)): \(lines[0])")
    }
  }
  if let budget = run.budget, outcome.status != 1 {
    for line in outcome.stdout.split(separator: "\n") {
      let fields = line.split(separator: " ")
      // run: "gradient evaluations  N", "value evaluations  N"
      if line.hasPrefix("  gradient evaluations") || line.hasPrefix("  value evaluations"),
        let spent = fields.last.flatMap({ Int($0) }), spent > budget
      {
        problems.append("spent \(spent) of a budget of \(budget): \(line)")
      }
    }
  }
  for path in run.guarded where fingerprint(path) != before[path] {
    problems.append("\(path) changed: \(before[path] ?? "?") → \(fingerprint(path))")
  }
  return problems
}

let arguments = CommandLine.arguments.dropFirst()
guard let binary = arguments.first else {
  print("usage: DescentFuzz path/to/descent [count] [seed]")
  exit(2)
}
let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000
let seed = arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 2022
var rng = SplitMix64(state: seed)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-fuzz-\(UUID())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

var failures = 0
var exits = [Int32: Int]()
var slowest = 0.0
for index in 0..<count {
  let run = cappedOnData(generate(&rng, folder: folder, index: index))
  let before = Dictionary(uniqueKeysWithValues: run.guarded.map { ($0, fingerprint($0)) })
  let outcome = try execute(binary, run.arguments, scratch: "\(folder)/output", limit: 10)
  exits[outcome.status, default: 0] += 1
  slowest = max(slowest, outcome.seconds)
  let problems = check(run, outcome, before: before)
  if !problems.isEmpty {
    failures += 1
    print("FAIL \(index): descent \(run.arguments.map { $0.debugDescription }.joined(separator: " "))")
    for problem in problems { print("  \(problem)") }
  }
}
let summary = exits.keys.sorted().map { "exit \($0): \(exits[$0]!)" }.joined(separator: ", ")
print("\(count) command lines (seed \(seed)); \(summary); slowest \(String(format: "%.2f", slowest)) s")
let specifications = max(1, count / 4)
let specificationFailures = try fuzzSpecifications(binary, count: specifications, rng: &rng, folder: folder)
print("\(specifications) specifications: \(specifications - specificationFailures) passed")
let total = count + specifications
failures += specificationFailures
print("fuzz: \(total - failures) passed, \(failures) failed")
exit(failures == 0 ? 0 : 1)
