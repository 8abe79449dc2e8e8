import RealModule

/// The floating-point types Descent computes in: `Float` and `Double`.
///
/// Every objective, optimizer and driver is generic over this protocol, so one
/// implementation serves both precisions. `Real` (swift-numerics) supplies `exp`,
/// `log` and friends; `Codable` lets optimizer state be checkpointed.
public protocol DescentFloat: Real, BinaryFloatingPoint, Codable, Sendable,
  LosslessStringConvertible
where RawSignificand: FixedWidthInteger {}

extension Float: DescentFloat {}
extension Double: DescentFloat {}
