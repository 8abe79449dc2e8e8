import Descent
import DescentProblems
import Foundation
import Testing

@Suite struct CheckpointTests {
  /// Encoding Csawg mid-run and decoding it resumes the run bit for bit.
  @Test(arguments: [(2, 1, 0), (3, 5, 10)])
  func csawgResumesBitForBit(horizon: Int, planningSteps: Int, corrections: Int) throws {
    let problem = try Rosenbrock<Double>()
    let fresh = try Csawg<Double>(horizon: horizon, planningSteps: planningSteps, corrections: corrections)
    var straight = fresh
    let whole = try minimize(problem, from: [-1, 0], using: &straight, until: .init(maxIterations: 40))

    var first = fresh
    let half = try minimize(problem, from: [-1, 0], using: &first, until: .init(maxIterations: 17))
    let data = try JSONEncoder().encode(first)
    var resumed = try JSONDecoder().decode(Csawg<Double>.self, from: data)
    let rest = try minimize(problem, from: half.minimizer, using: &resumed, until: .init(maxIterations: 23))
    #expect(rest.minimizer == whole.minimizer)
    #expect(resumed.stepSizes == straight.stepSizes)
  }

  /// A checkpoint of the safeguarded planner in format 1, as the build before its state
  /// became a part of its own wrote it (`descent run --problem breast-cancer-heldout
  /// --optimizer csawg-safeguarded --epochs 3 --checkpoint F` at commit 6564919, its
  /// `optimizer` object), still reads, and writes back the same object.
  @Test func aFormatOneCheckpointOfThePlannerReadsAndWritesBack() throws {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/safeguarded_checkpoint_format1", withExtension: "json"))
    let saved = try Data(contentsOf: url)
    let planner = try JSONDecoder().decode(SafeguardedCsawg<Double>.self, from: saved)
    #expect(planner.jumps.accepted + planner.jumps.rejected > 0)
    let written = try JSONEncoder().encode(planner)
    let (before, after) = try (JSONSerialization.jsonObject(with: saved), JSONSerialization.jsonObject(with: written))
    #expect((before as? NSDictionary) == (after as? NSDictionary))
  }

  @Test func decodingValidatesHyperparameters() throws {
    var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Csawg<Double>())) as! [String: Any]
    object["horizon"] = 0
    let data = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: DescentError.invalidValue(name: "horizon", value: "0", expected: "an integer ≥ 1")) {
      try JSONDecoder().decode(Csawg<Double>.self, from: data)
    }
  }

  /// The planner's checkpoint says its format; one of another format is refused with a
  /// message that says so, and one from before the key (format 1) still reads.
  @Test func thePlannersCheckpointHasAFormat() throws {
    var planner = try SafeguardedCsawg<Double>()
    _ = try minimize(try Rosenbrock<Double>(), from: [-1, 0], using: &planner, until: .init(maxIterations: 20))
    var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(planner)) as! [String: Any]
    #expect(object["format"] as? Int == 1)
    object["format"] = nil
    let older = try JSONDecoder().decode(
      SafeguardedCsawg<Double>.self, from: JSONSerialization.data(withJSONObject: object))
    #expect(older.stepSizes == planner.stepSizes && older.currentLearningRate == planner.currentLearningRate)
    object["format"] = 2
    let data = try JSONSerialization.data(withJSONObject: object)
    let error = try #require(throws: DecodingError.self) {
      try JSONDecoder().decode(SafeguardedCsawg<Double>.self, from: data)
    }
    #expect("\(error)".contains("format 2, which this build does not read (it reads format 1)"))
  }
}
