import CDescentKernels
import RealModule

/// The floating-point types Descent computes in: `Float` and `Double`.
///
/// Every objective, optimizer and driver is generic over this protocol, so one
/// implementation serves both precisions. `Real` (swift-numerics) supplies `exp`,
/// `log` and friends; `Codable` lets optimizer state be checkpointed.
public protocol DescentFloat: Real, BinaryFloatingPoint, Codable, Sendable,
  LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
  /// √x, as an operation a loop can vectorise (see `CDescentKernels`).
  static func vectorizableSquareRoot(_ x: Self) -> Self
}

extension Float: DescentFloat {
  @inlinable @inline(__always)
  public static func vectorizableSquareRoot(_ x: Float) -> Float { descent_sqrtf(x) }
}

extension Double: DescentFloat {
  @inlinable @inline(__always)
  public static func vectorizableSquareRoot(_ x: Double) -> Double { descent_sqrt(x) }
}
