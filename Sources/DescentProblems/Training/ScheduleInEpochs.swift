import Descent

/// A schedule's length in epochs, where a run counts them: `warmup-epochs` and
/// `decay-epochs` are the `warmup-steps` and `decay-steps` they come to, E × the
/// gradients of an epoch, to the nearest step (7.5 epochs of 40 batches: 300 steps).
public enum ScheduleInEpochs {
  /// Each setting in epochs, and the setting in steps it stands for.
  public static let stepsSetting = ["warmup-epochs": "warmup-steps", "decay-epochs": "decay-steps"]

  /// The steps that `value` epochs of `stepsPerEpoch` gradients come to.
  public static func steps(_ name: String, _ value: String, stepsPerEpoch: Int) throws(DescentError) -> String {
    guard let epochs = Double(value), epochs.isFinite, epochs >= 0,
      epochs * Double(stepsPerEpoch) < Double(Int.max / 2)
    else {
      throw DescentError.invalidValue(name: name, value: value, expected: "a number of epochs ≥ 0")
    }
    return String(Int((epochs * Double(stepsPerEpoch)).rounded()))
  }

  /// `settings` with each setting in epochs replaced by the one in steps; a setting
  /// given both ways is refused.
  public static func inSteps(_ settings: [String: String], stepsPerEpoch: Int) throws(DescentError) -> [String: String]
  {
    var converted = settings
    for (name, value) in settings {
      guard let steps = stepsSetting[name] else { continue }
      guard settings[steps] == nil else {
        throw DescentError.invalidValue(
          name: name, value: value, expected: "no \(steps) beside it: they are one setting")
      }
      converted[name] = nil
      converted[steps] = try Self.steps(name, value, stepsPerEpoch: stepsPerEpoch)
    }
    return converted
  }
}
