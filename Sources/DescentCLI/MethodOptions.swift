import ArgumentParser
import Descent
import DescentProblems
import DescentStudy

/// The optimizer and its settings, named one way for every method: a specification
/// `name[:setting=value…]`, and any setting also as `--setting value` (or
/// `--setting=value`). Settings are read from the catalog, so a new method adds no
/// code here; values are kept as text, taken as typed even when they start with a
/// dash, and checked by the catalog, which names a refused value as typed.
struct MethodOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Optimizer, with settings after colons, e.g. csawg:horizon=2:planning-steps=5: \(OptimizerCatalog.names.joined(separator: ", ")).",
      valueName: "name[:setting=value…]"), completion: .list(OptimizerCatalog.names))
  var optimizer = "csawg-safeguarded"

  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp(
      "Settings of the optimizer as flags, e.g. --learning-rate 0.01 --horizon 2 (see below, or 'descent list'); on a training problem a schedule's length also in epochs, --warmup-epochs and --decay-epochs.",
      valueName: "--setting value"), completion: .list(Self.settingCompletions))
  var flags: [String] = []

  /// The specification's name and every setting given, by catalog name; a schedule's
  /// `warmup-epochs` and `decay-epochs` as steps, where a run counts `stepsPerEpoch`.
  func specification(stepsPerEpoch: Int? = nil) throws -> MethodSpecification {
    let specification = try MethodSpecification(optimizer)
    var settings = specification.settings
    let pairs = try Self.inSteps(Self.pairs(flags), stepsPerEpoch: stepsPerEpoch)
    let inner = settings["inner"] ?? pairs.first { $0.0 == "inner" }?.1
    let accepted = OptimizerCatalog.settingNames(of: specification.name, inner: inner)
    for (name, value) in pairs {
      if let accepted, !accepted.contains(name) { throw Self.unknownOption(name, method: specification.name, accepted) }
      guard settings[name] == nil else {
        throw InputError("\(name) is given twice, in --optimizer and as --\(name): give each setting once")
      }
      settings[name] = value
    }
    return MethodSpecification(text: specification.text, name: specification.name, settings: settings)
  }

  /// `warmup-epochs` and `decay-epochs` as the steps they are (``ScheduleInEpochs``);
  /// refused where the run counts no epochs.
  static func inSteps(_ pairs: [(String, String)], stepsPerEpoch: Int?) throws -> [(String, String)] {
    try pairs.map { name, value in
      guard let steps = ScheduleInEpochs.stepsSetting[name] else { return (name, value) }
      if pairs.contains(where: { $0.0 == steps }) {
        throw InputError("--\(name) and --\(steps) are one setting: give one of them")
      }
      guard let stepsPerEpoch else {
        throw InputError("--\(name) applies to a training problem, which counts epochs: give --\(steps)")
      }
      return (steps, try ScheduleInEpochs.steps(name, value, stepsPerEpoch: stepsPerEpoch))
    }
  }

  /// `--name` for every method's settings, for the shell's completion.
  static var settingCompletions: [String] {
    Array(Set(OptimizerCatalog.listed(Double.self).flatMap { $0.settingNames })).sorted().map { "--\($0)" }
  }

  /// A flag that is neither an option of the command nor a setting of the method: named
  /// as an unknown option, with the nearest of either.
  static func unknownOption(_ name: String, method: String, _ accepted: [String]) -> InputError {
    let takes = "it takes \(accepted.isEmpty ? "none" : accepted.joined(separator: ", "))"
    // Another method's setting is a setting this one lacks, not a typing slip.
    let options = NearestName.options(inHelpOf: RunCommand.helpMessage(columns: 10_000))
    if options.contains(name) { return InputError("\(method) has no setting '\(name)': \(takes)") }
    if let near = NearestName.to(name, among: accepted + options) {
      return InputError("unknown option '--\(name)': did you mean '--\(near)'?")
    }
    return InputError("unknown option '--\(name)': not an option of the command nor a setting of \(method); \(takes)")
  }

  /// `--name value` and `--name=value` pairs; a value may start with a dash.
  static func pairs(_ tokens: [String]) throws -> [(String, String)] {
    var pairs: [(String, String)] = []
    var seen: Set<String> = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      guard token.hasPrefix("--"), token.count > 2 else {
        throw InputError("unexpected argument '\(token)': settings are given as --setting value")
      }
      var name = String(token.dropFirst(2))
      let value: String
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      } else {
        guard index + 1 < tokens.count else { throw InputError("--\(name) is missing its value") }
        index += 1
        value = tokens[index]
      }
      guard seen.insert(name).inserted else { throw InputError("--\(name) is given twice: give each setting once") }
      pairs.append((name, value))
      index += 1
    }
    return pairs
  }

  /// The optimizer, checked against `objective` (its state must fit in memory, and
  /// some settings, like f* of Polyak's step, depend on the problem).
  func make<S: DescentFloat>(for objective: any Objective<S>) throws -> any CatalogedOptimizer<S> {
    try MethodOptions.make(
      specification(stepsPerEpoch: (objective as? any TrainedByEpochs<S>)?.gradientsPerEpoch), for: objective)
  }

  /// `specification`'s optimizer, checked against `objective`, with the tool's names in
  /// any error.
  static func make<S: DescentFloat>(
    _ specification: MethodSpecification, for objective: any Objective<S>
  ) throws -> any CatalogedOptimizer<S> {
    let optimizer: any CatalogedOptimizer<S>
    do {
      optimizer = try OptimizerCatalog.make(specification.name, settings: specification.settings, as: S.self)
    } catch {
      throw Self.namingMethod(error, specification)
    }
    do {
      try validate(optimizer, for: objective)
    } catch {
      throw type(of: optimizer).namingSettings(error, given: specification.settings)
    }
    return optimizer
  }

  /// A setting refused, named with the method it belongs to: a wrapper's inner method's
  /// as that method's, inside the wrapper.
  static func namingMethod(_ error: DescentError, _ specification: MethodSpecification) -> any Error {
    let family = OptimizerCatalog.wrappers(Double.self).first { $0.name == specification.name }
    let inner = family.map { specification.settings["inner"] ?? $0.defaultInner }
    let innerSettings = inner.flatMap { OptimizerCatalog.settingNames(of: $0) } ?? []
    switch error {
    case .invalidValue(let name, let value, let expected):
      let owner =
        name != "inner" && innerSettings.contains(name)
        ? "\(inner!) (inside \(specification.name))" : specification.name
      let shown = value.isEmpty ? "''" : value
      return InputError("invalid \(name) \(shown) for \(owner): expected \(expected)")
    case .unexpectedParameter(let name, _, let accepted) where family != nil:
      let own = accepted.filter { !innerSettings.contains($0) }
      let near = NearestName.to(name, among: accepted).map { "did you mean '\($0)'? " } ?? ""
      return InputError(
        "neither \(specification.name) nor its inner \(inner!) has a setting '\(name)': \(near)\(specification.name) takes "
          + "\(own.joined(separator: ", ")); \(inner!) takes \(innerSettings.isEmpty ? "none" : innerSettings.joined(separator: ", "))"
      )
    default:
      return error
    }
  }

  private static func validate<O: Optimizer, P: Objective>(_ optimizer: O, for objective: P) throws(DescentError)
  where O.Scalar == P.Scalar {
    try optimizer.validate(for: objective)
  }

  /// Every method's settings, for `descent run --help`.
  static var settingsHelp: String {
    OptimizerCatalog.listed(Double.self).map { settingsHelp($0) }.joined(separator: "\n")
  }

  private static func settingsHelp<Method: Cataloged>(_: Method.Type) -> String {
    let entry = Method.catalogEntry
    let settings = entry.settings.filter { !$0.isInner }.map { setting in
      let symbol = setting.symbol.isEmpty ? "" : "\(setting.symbol) "
      return "    --\(setting.name)  \(symbol)default \(setting.defaultText)"
    }
    return (["  \(entry.name)"] + settings).joined(separator: "\n")
  }
}
