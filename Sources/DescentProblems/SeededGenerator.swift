import Descent
import RealModule

/// A seeded random number generator, so that a problem's start, a rotation or a
/// minibatch is the same on every machine and every run with the same seed.
///
/// SplitMix64: Steele, G. L., Lea, D. and Flood, C. H. (2014). Fast splittable
/// pseudorandom number generators. OOPSLA. Normal draws by Box–Muller.
public struct SeededGenerator: RandomNumberGenerator, Codable, Sendable, Equatable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1), from the top 53 bits.
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A standard normal draw (Box–Muller, one of the pair).
  public mutating func normal() -> Double {
    let u = 1 - uniform()  // in (0, 1], so the logarithm is finite
    let v = uniform()
    return (-2 * Double.log(u)).squareRoot() * Double.cos(2 * .pi * v)
  }
}
