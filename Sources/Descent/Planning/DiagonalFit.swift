/// The paper's step-size model, fitted to a full window: one step-size per component,
///
///     α(i) = sum₁(i) / sum₂(i) = Σ_s g_s(i)(w_s(i) − w_{s+K}(i)) / Σ_s g_s(i)²,
///     α(i) = 0 where sum₂(i) = 0   (no projection for that component yet),
///
/// or one step-size for all components, the same ratio of the sums over every
/// component. Either clears the sums for the next window. Yao (2022), eq. 12.
extension PlanningWindow {
  /// α per component into `alpha` (d numbers), split across cores.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func fitDiagonal(into alpha: inout [Scalar]) {
    withBuffers(&weightDifferenceSum, &squaredGradientSum, &alpha) { sum1, sum2, alpha in
      Parallel.forEachChunk(count: alpha.count) { range in
        let (sum1, sum2, alpha) = (sum1, sum2, alpha)
        for i in range {
          alpha[i] = sum2[i] == 0 ? 0 : sum1[i] / sum2[i]
          sum1[i] = 0
          sum2[i] = 0
        }
      }
    }
  }

  /// One α for every component, written to each entry of `alpha`. The sums are
  /// added in component order, so the fit is the same bits on any number of cores.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func fitScalar(into alpha: inout [Scalar]) {
    var numerator: Scalar = 0
    var denominator: Scalar = 0
    for i in 0..<dimension {
      numerator += weightDifferenceSum[i]
      denominator += squaredGradientSum[i]
    }
    let common = denominator == 0 ? 0 : numerator / denominator
    for i in alpha.indices { alpha[i] = common }
    clearSums()
  }
}
