import Descent
import Foundation
import Testing

/// Reference data committed under `Fixtures/`, produced by the scripts in
/// `Utilities/Reference/`.
enum Fixture {
  static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
  }
}

/// `‖x − y‖∞ / ‖y‖∞`, the relative distance of an iterate from its reference.
func relativeDistance(_ x: [Double], _ reference: [Double]) -> Double {
  let scale = reference.map(abs).max() ?? 0
  let gap = zip(x, reference).map { abs($0 - $1) }.max() ?? 0
  return scale > 0 ? gap / scale : gap
}
