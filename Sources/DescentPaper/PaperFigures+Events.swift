import Descent
import DescentPlot
import DescentProblems
import Foundation

/// The paper's Figure 2: two planning events of Csawg K3.
extension PaperFigures {

  /// What one planning event of Csawg with repeated planning did.
  struct PlanningEvent {
    /// The main-loop iterates before the event, w₀ … w_k.
    var iterates: [[Double]]
    /// (from, to) of each projection.
    var projections: [([Double], [Double])]
    /// The points after each correction step.
    var corrections: [[Double]]
  }

  /// Runs Csawg K3 (P = 5, M = 10, γ = 0.001) on Rosenbrock and records the
  /// planning events at `iterations` from the points the oracle evaluated.
  static func planningEvents(at iterations: [Int]) throws(DescentError) -> [PlanningEvent] {
    let (planning, corrections) = (5, 10)
    var csawg = try Csawg<Double>(learningRate: 0.001, horizon: 3, planningSteps: planning, corrections: corrections)
    let log = PointLog()
    var oracle = CountingOracle(RecordingObjective(try Rosenbrock<Double>(), log: log))
    var w = PaperRuns.rosenbrockStart
    var iterates = [w]
    var events: [PlanningEvent] = []
    for k in 1...(iterations.max() ?? 0) {
      log.recording = iterations.contains(k)
      log.points = []
      csawg.step(&w, oracle: &oracle)
      if log.recording {
        // Evaluated: w_{k−1}; then per projection the point before it and the M
        // points after the projection and after corrections 1 … M−1.
        let points = log.points
        let block = 1 + corrections
        var event = PlanningEvent(iterates: iterates, projections: [], corrections: [])
        for p in 0..<planning {
          let start = 1 + p * block
          event.projections.append((points[start], points[start + 1]))
          event.corrections += Array(points[(start + 2)..<(start + block)])
          event.corrections.append(p + 1 < planning ? points[start + block] : w)
        }
        event.iterates.append(points[1])
        events.append(event)
      }
      iterates.append(w)
    }
    return events
  }

  static func figure2(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let events = try planningEvents(at: [12, 15])
    var panels: [Panel] = []
    for (index, event) in events.enumerated() {
      let all = event.iterates + event.projections.flatMap { [$0.0, $0.1] } + event.corrections
      let (xs, ys) = (all.map { $0[0] }, all.map { $0[1] })
      let padX = max(0.05, (xs.max()! - xs.min()!) * 0.1)
      let padY = max(0.05, (ys.max()! - ys.min()!) * 0.1)
      let xr = (xs.min()! - padX)...(xs.max()! + padX)
      let yr = (ys.min()! - padY)...(ys.max()! + padY)
      let f = try Rosenbrock<Double>()
      panels.append(
        Panel(
          title: index == 0 ? "third planning event (iteration 12)" : "fourth planning event (iteration 15)",
          xLabel: "w1", yLabel: "w2", xDomain: xr, yDomain: yr,
          series: [
            Series(
              "main-loop iterates", x: event.iterates.map { $0[0] }, y: event.iterates.map { $0[1] }, color: palette[1],
              style: .dots),
            Series(
              "projections", x: event.projections.flatMap { [$0.0[0], $0.1[0]] },
              y: event.projections.flatMap { [$0.0[1], $0.1[1]] },
              color: palette[2], style: .arrows),
            Series(
              "projected points", x: event.projections.map { $0.1[0] }, y: event.projections.map { $0.1[1] },
              color: "#000", style: .squares),
            Series(
              "corrections", x: event.corrections.map { $0[0] }, y: event.corrections.map { $0[1] }, color: "#d0d",
              style: .crosses),
          ],
          contours: Contour.segments(
            of: { a, b in f.value(at: [a, b]) }, x: xr, y: yr,
            levels: Contour.logarithmicLevels(from: -2, to: 3, perDecade: 4))))
    }
    return Figure(
      id: "2", title: "Figure 2 (middle and right). Two successive planning events of Csawg K3",
      caption:
        "Csawg with K = 3, P = 5 projections, M = 10 corrections, γ = 0.001, on Rosenbrock from (−1, 0): the planning events at iterations 12 and 15. Red dots: main-loop iterates up to the event; green arrows: the projections w ← w − α ⊙ ∇f(w); black squares: the projected points; magenta crosses: the points after each correction step. Contours at 10^(k/4).",
      panels: panels)
  }
}
