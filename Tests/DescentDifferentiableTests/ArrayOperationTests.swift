// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Testing
  import _Differentiation

  /// A scalar function of the parameters, built from the whole-array operations alone, so
  /// that one definition serves Float and Double.
  typealias ArrayFunction<S: DescentFloat & Differentiable> = @differentiable(reverse) (DifferentiableVector<S>) -> S
  where S.TangentVector == S

  /// Every operation of `DifferentiableVector` and `DifferentiableMatrix`, composed into
  /// small functions of 24 parameters: each hand-written derivative against central
  /// differences in Double, and Float's gradient against Double's.
  @Suite struct ArrayOperationTests {
    static func cases<S: DescentFloat & Differentiable>(_: S.Type) -> [(String, ArrayFunction<S>)]
    where S.TangentVector == S {
      let data = DifferentiableVector<S>((0..<6).map { S($0) / 5 - S(0.4) })
      let batch = try! DifferentiableMatrix<S>(rows: 3, columns: 2, scalars: (0..<6).map { S($0 % 4) / 3 - S(0.5) })
      return [
        ("dot", { w in w[0..<6].dot(w[6..<12]) }),
        ("dot with data", { w in w[0..<6].dot(data) }),
        ("sum of tanh", { w in w.tanh().sum() }),
        ("squared norm", { w in w.squaredNorm() }),
        ("scaled addition", { w in (w[0..<1].sum() * w[1..<7] + w[7..<13]).dot(data) }),
        ("element-wise product", { w in (w[0..<6] * w[6..<12]).dot(w[12..<18]) }),
        (
          "vector times and over a scalar, negated",
          { w in (-(w[0..<6] * w[6..<7].sum()) / w[7..<8].exp().sum()).dot(data) }
        ),
        (
          "matrix arithmetic",
          { w in
            let a = w[0..<6].reshaped(rows: 2, columns: 3)
            let b = w[6..<12].reshaped(rows: 2, columns: 3)
            return (-(a - b) * b * w[12..<13].sum() / w[13..<14].exp().sum() + w[14..<15].sum() * a).tanh().sum()
          }
        ),
        ("difference", { w in (w[0..<6] - w[6..<12]).squaredNorm() }),
        ("relu", { w in w.relu().dot(w) }),
        ("exp and log", { w in w.exp().log().exp().sum() }),
        ("log-sum-exp", { w in w.logSumExp() }),
        ("softplus", { w in w.softplus().dot(w) }),
        ("matrix softplus", { w in w[0..<6].reshaped(rows: 2, columns: 3).softplus().sum() }),
        ("softmax cross-entropy", { w in w[0..<10].softmaxCrossEntropy(label: 3) }),
        (
          "matrix product",
          { w in
            w[0..<6].reshaped(rows: 2, columns: 3).multiplied(by: w[6..<18].reshaped(rows: 3, columns: 4)).tanh().sum()
          }
        ),
        (
          "product with a transpose",
          { w in
            w[0..<6].reshaped(rows: 3, columns: 2).multiplied(byTransposeOf: w[6..<14].reshaped(rows: 4, columns: 2))
              .exp().sum()
          }
        ),
        (
          "data times weights",
          { w in batch.multiplied(byTransposeOf: w[0..<8].reshaped(rows: 4, columns: 2)).relu().squaredNorm() }
        ),
        (
          "matrix times vector",
          { w in w[0..<12].reshaped(rows: 3, columns: 4).multiplied(by: w[12..<16]).tanh().dot(w[16..<19]) }
        ),
        (
          "transpose",
          { w in w[0..<6].reshaped(rows: 2, columns: 3).transposed().multiplied(by: w[6..<8]).squaredNorm() }
        ),
        ("bias on each row", { w in w[0..<6].reshaped(rows: 3, columns: 2).addingToEachRow(w[6..<8]).tanh().sum() }),
        (
          "matrix sum",
          { w in
            (w[0..<6].reshaped(rows: 2, columns: 3) + w[6..<12].reshaped(rows: 2, columns: 3)).exp().log().squaredNorm()
          }
        ),
        (
          "cross-entropy over rows",
          { w in w[0..<12].reshaped(rows: 3, columns: 4).softmaxCrossEntropy(labels: [0, 3, 1]) }
        ),
        (
          "elements and operations",
          { w in
            var h = w[0..<4].reshaped(rows: 2, columns: 2)
            h[0, 1] = h[1, 0]
            h[1, 1] = w[7]
            return h.multiplied(by: w[4..<6]).tanh().sum()
          }
        ),
      ]
    }

    static var names: [String] { cases(Double.self).map(\.0) }

    @Test(arguments: names)
    func derivativeMatchesCentralDifferences(_ name: String) throws {
      let function = Self.cases(Double.self).first { $0.0 == name }!.1
      var generator = SeededGenerator(seed: 7)
      let w = (0..<24).map { _ in 2 * generator.uniform() - 1 }
      let (_, gradient) = DifferentiableVector.valueWithGradient(at: w, of: function)
      for i in 0..<w.count {
        let h = 1e-6
        var (up, down) = (w, w)
        up[i] += h
        down[i] -= h
        let difference =
          (DifferentiableVector.valueWithGradient(at: up, of: function).value
            - DifferentiableVector.valueWithGradient(at: down, of: function).value) / (2 * h)
        #expect(abs(gradient[i] - difference) <= 1e-6 * max(1, abs(difference)), "\(name), ∂/∂w\(i)")
      }
    }

    @Test(arguments: names)
    func floatFollowsDouble(_ name: String) throws {
      var generator = SeededGenerator(seed: 7)
      let w = (0..<24).map { _ in 2 * generator.uniform() - 1 }
      let double = DifferentiableVector.valueWithGradient(at: w, of: Self.cases(Double.self).first { $0.0 == name }!.1)
      let single = DifferentiableVector.valueWithGradient(
        at: w.map(Float.init), of: Self.cases(Float.self).first { $0.0 == name }!.1)
      let scale = max(1, double.gradient.map(abs).max()!)
      #expect(abs(Double(single.value) - double.value) <= 1e-5 * max(1, abs(double.value)), "\(name)")
      #expect(zip(single.gradient, double.gradient).allSatisfy { abs(Double($0) - $1) <= 1e-5 * scale }, "\(name)")
    }
  }
#endif
