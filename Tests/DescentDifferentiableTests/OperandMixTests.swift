// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Foundation
  import Testing
  import _Differentiation

  /// Every public differentiable operation of the array types, with each operand in every
  /// form it can take: made from the parameters (a slice, an operation's result, elements
  /// written one by one, a reduction for a scalar) or a constant (data, a literal). Each function's gradient is checked
  /// against central differences in Double, and Float's against Double's: a derivative
  /// lost in one mix (w[0] · data once gave 0) fails here.
  @Suite struct OperandMixTests {
    typealias Vector<S: DescentFloat & Differentiable> = DifferentiableVector<S> where S.TangentVector == S
    typealias Matrix<S: DescentFloat & Differentiable> = DifferentiableMatrix<S> where S.TangentVector == S
    typealias ScalarOf<S: DescentFloat & Differentiable> = @differentiable(reverse) (Vector<S>) -> S
    where S.TangentVector == S
    typealias VectorOf<S: DescentFloat & Differentiable> = @differentiable(reverse) (Vector<S>) -> Vector<S>
    where S.TangentVector == S
    typealias MatrixOf<S: DescentFloat & Differentiable> = @differentiable(reverse) (Vector<S>) -> Matrix<S>
    where S.TangentVector == S

    /// The parameters' count: the operands read disjoint parts of them.
    static let dimension = 24

    /// Positive values in [0.5, 1.5], so that log and division apply anywhere.
    static func data<S: DescentFloat>(_ count: Int, seed: UInt64) -> [S] {
      var generator = SeededGenerator(seed: seed)
      return (0..<count).map { _ in S(0.5 + generator.uniform()) }
    }

    static func scalars<S: DescentFloat & Differentiable>(_: S.Type) -> [(String, ScalarOf<S>)]
    where S.TangentVector == S {
      [
        ("tracked scalar", { w in w[0] }),
        ("reduced scalar", { w in w[1..<3].sum() }),
        ("constant scalar", { _ in S(0.7) }),
      ]
    }

    /// Vectors of 3 elements.
    static func vectors<S: DescentFloat & Differentiable>(_: S.Type) -> [(String, VectorOf<S>)]
    where S.TangentVector == S {
      let data = Vector<S>(Self.data(3, seed: 1))
      return [
        ("tracked vector", { w in w[3..<6] }),
        ("computed vector", { w in w[6..<9] * w[9..<12] }),
        (
          "written vector",
          { w in
            var v = Vector<S>(zeros: 3)
            for i in 0..<3 { v[i] = w[12 + i] }
            return v
          }
        ),
        ("data vector", { _ in data }),
      ]
    }

    /// 2 × 3 matrices.
    static func matrices<S: DescentFloat & Differentiable>(_: S.Type) -> [(String, MatrixOf<S>)]
    where S.TangentVector == S {
      let data = try! Matrix<S>(rows: 2, columns: 3, scalars: Self.data(6, seed: 2))
      return [
        ("tracked matrix", { w in w[15..<21].reshaped(rows: 2, columns: 3) }),
        (
          "written matrix",
          { w in
            var m = Matrix<S>(zeros: 2, columns: 3)
            for i in 0..<2 { for j in 0..<3 { m[i, j] = w[15 + 3 * i + j] } }
            return m
          }
        ),
        ("data matrix", { _ in data }),
      ]
    }

    static func cases<S: DescentFloat & Differentiable>(_ type: S.Type) -> [(String, ScalarOf<S>)]
    where S.TangentVector == S {
      let weights3 = Vector<S>(Self.data(3, seed: 3))
      let weights6 = Vector<S>(Self.data(6, seed: 4))
      let weights4 = Vector<S>(Self.data(4, seed: 5))
      let (ss, vs, ms) = (scalars(type), vectors(type), matrices(type))
      var all: [(String, ScalarOf<S>)] = []

      func vv(_ name: String, _ op: @escaping @differentiable(reverse) (Vector<S>, Vector<S>) -> Vector<S>) {
        for (l, lhs) in vs {
          for (r, rhs) in vs { all.append(("\(l) \(name) \(r)", { w in op(lhs(w), rhs(w)).dot(weights3) })) }
        }
      }
      func sv(_ name: String, _ op: @escaping @differentiable(reverse) (S, Vector<S>) -> Vector<S>) {
        for (l, lhs) in ss {
          for (r, rhs) in vs { all.append(("\(l) \(name) \(r)", { w in op(lhs(w), rhs(w)).dot(weights3) })) }
        }
      }
      func vectorScalar(_ name: String, _ op: @escaping @differentiable(reverse) (Vector<S>, S) -> Vector<S>) {
        for (l, lhs) in vs {
          for (r, rhs) in ss { all.append(("\(l) \(name) \(r)", { w in op(lhs(w), rhs(w)).dot(weights3) })) }
        }
      }
      func mm(_ name: String, _ op: @escaping @differentiable(reverse) (Matrix<S>, Matrix<S>) -> Matrix<S>) {
        for (l, lhs) in ms {
          for (r, rhs) in ms {
            all.append(("\(l) \(name) \(r)", { w in op(lhs(w), rhs(w)).flattened().dot(weights6) }))
          }
        }
      }
      func sm(_ name: String, _ op: @escaping @differentiable(reverse) (S, Matrix<S>) -> Matrix<S>) {
        for (l, lhs) in ss {
          for (r, rhs) in ms {
            all.append(("\(l) \(name) \(r)", { w in op(lhs(w), rhs(w)).flattened().dot(weights6) }))
          }
        }
      }
      func matrixScalar(_ name: String, _ op: @escaping @differentiable(reverse) (Matrix<S>, S) -> Matrix<S>) {
        for (l, lhs) in ms {
          for (r, rhs) in ss {
            all.append(("\(l) \(name) \(r)", { w in op(lhs(w), rhs(w)).flattened().dot(weights6) }))
          }
        }
      }
      func v(_ name: String, _ op: @escaping @differentiable(reverse) (Vector<S>) -> S) {
        for (o, operand) in vs { all.append(("\(name) of \(o)", { w in op(operand(w)) })) }
      }
      func m(_ name: String, _ op: @escaping @differentiable(reverse) (Matrix<S>) -> S) {
        for (o, operand) in ms { all.append(("\(name) of \(o)", { w in op(operand(w)) })) }
      }

      vv("+", { $0 + $1 })
      vv("-", { $0 - $1 })
      vv("⊙", { $0 * $1 })
      for (l, lhs) in vs { for (r, rhs) in vs { all.append(("\(l) dot \(r)", { w in lhs(w).dot(rhs(w)) })) } }
      sv("·", { $0 * $1 })
      sv("+", { $0 + $1 })
      sv("-", { $0 - $1 })
      sv("/", { $0 / $1 })
      vectorScalar("·", { $0 * $1 })
      vectorScalar("/", { $0 / $1 })
      vectorScalar("+", { $0 + $1 })
      vectorScalar("-", { $0 - $1 })
      for (l, lhs) in vs {
        for (r, rhs) in ss {
          all.append(
            (
              "\(l) written with \(r)",
              { w in
                var x = lhs(w)
                x[1] = rhs(w)
                return x.dot(weights3)
              }
            ))
        }
      }
      v("sum", { $0.sum() })
      v("squared norm", { $0.squaredNorm() })
      v("log-sum-exp", { $0.logSumExp() })
      v("cross-entropy", { $0.softmaxCrossEntropy(label: 1) })
      v("negation", { (-$0).dot(weights3) })
      v("tanh", { $0.tanh().dot(weights3) })
      v("free tanh", { tanh($0).dot(weights3) })
      v("relu", { ($0 - S(1)).relu().dot(weights3) })
      v("exp", { $0.exp().dot(weights3) })
      v("free exp", { exp($0).dot(weights3) })
      v("log", { $0.log().dot(weights3) })
      v("free log", { log($0).dot(weights3) })
      v("softplus", { $0.softplus().dot(weights3) })
      v("element", { $0[2] })
      v("slice", { $0[1..<3].sum() })
      v("whole array", { $0.scalars[2] })
      v("reshape", { $0.reshaped(rows: 3, columns: 1).flattened().dot(weights3) })

      mm("+", { $0 + $1 })
      mm("-", { $0 - $1 })
      mm("⊙", { $0 * $1 })
      for (l, lhs) in ms {
        for (r, rhs) in ms {
          all.append(("\(l) times \(r)ᵀ", { w in lhs(w).multiplied(byTransposeOf: rhs(w)).flattened().dot(weights4) }))
          all.append(
            (
              "\(l) times \(r) transposed",
              { w in lhs(w).multiplied(by: rhs(w).transposed()).flattened().dot(weights4) }
            ))
        }
      }
      for (l, lhs) in ms {
        for (r, rhs) in vs {
          all.append(("\(l) times \(r)", { w in lhs(w).multiplied(by: rhs(w)).sum() }))
          all.append(("\(l) plus \(r) on each row", { w in lhs(w).addingToEachRow(rhs(w)).flattened().dot(weights6) }))
        }
      }
      sm("·", { $0 * $1 })
      sm("+", { $0 + $1 })
      sm("-", { $0 - $1 })
      sm("/", { $0 / $1 })
      matrixScalar("·", { $0 * $1 })
      matrixScalar("/", { $0 / $1 })
      matrixScalar("+", { $0 + $1 })
      matrixScalar("-", { $0 - $1 })
      for (l, lhs) in ms {
        for (r, rhs) in ss {
          all.append(
            (
              "\(l) written with \(r)",
              { w in
                var x = lhs(w)
                x[1, 2] = rhs(w)
                return x.flattened().dot(weights6)
              }
            ))
        }
      }
      m("sum", { $0.sum() })
      m("squared norm", { $0.squaredNorm() })
      m("cross-entropy", { $0.softmaxCrossEntropy(labels: [2, 0]) })
      m("negation", { (-$0).flattened().dot(weights6) })
      m("transpose", { $0.transposed().flattened().dot(weights6) })
      m("tanh", { $0.tanh().flattened().dot(weights6) })
      m("free tanh", { tanh($0).flattened().dot(weights6) })
      m("relu", { ($0 - S(1)).relu().flattened().dot(weights6) })
      m("exp", { $0.exp().flattened().dot(weights6) })
      m("free exp", { exp($0).flattened().dot(weights6) })
      m("log", { $0.log().flattened().dot(weights6) })
      m("free log", { log($0).flattened().dot(weights6) })
      m("softplus", { $0.softplus().flattened().dot(weights6) })
      m("element", { $0[1, 0] })
      m("whole array", { $0.scalars[4] })
      return all
    }

    /// The parameters: positive, as the data, in [0.5, 1.5].
    static let point: [Double] = data(dimension, seed: 9)

    static var names: [String] { cases(Double.self).map(\.0) }

    @Test func everyNameIsOnce() {
      #expect(Set(Self.names).count == Self.names.count)
      #expect(Self.names.count > 400)
    }

    @Test(arguments: names)
    func derivativeMatchesCentralDifferences(_ name: String) throws {
      let function = Self.cases(Double.self).first { $0.0 == name }!.1
      let w = Self.point
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
      let w = Self.point
      let double = DifferentiableVector.valueWithGradient(at: w, of: Self.cases(Double.self).first { $0.0 == name }!.1)
      let single = DifferentiableVector.valueWithGradient(
        at: w.map(Float.init), of: Self.cases(Float.self).first { $0.0 == name }!.1)
      let scale = max(1, double.gradient.map(abs).max()!)
      #expect(abs(Double(single.value) - double.value) <= 1e-5 * max(1, abs(double.value)), "\(name)")
      #expect(zip(single.gradient, double.gradient).allSatisfy { abs(Double($0) - $1) <= 1e-5 * scale }, "\(name)")
    }

    /// `withoutDerivative(at:)` of an array is a constant: central differences cannot show
    /// it (the copy moves with the parameters), so the gradient is checked by hand.
    @Test func withoutDerivativeCutsTheGradient() {
      let w: [Double] = [0.5, -1, 2]
      let vector = DifferentiableVector.valueWithGradient(at: w) { x in withoutDerivative(at: x).dot(x) }
      #expect(vector.gradient == w)
      let matrix = DifferentiableVector.valueWithGradient(at: w) { x in
        let m = x.reshaped(rows: 1, columns: 3)
        return (withoutDerivative(at: m) * m).sum()
      }
      #expect(matrix.gradient == w)
    }
  }

  /// The curve fit, written as on paper: it compiles (quickly: CI's debug build
  /// type-checks it) and its gradient is the sum over the residuals' derivatives.
  @Suite struct CurveFitExpressionTests {
    @differentiable(reverse)
    static func loss(
      _ w: DifferentiableVector<Double>, x: DifferentiableVector<Double>, y: DifferentiableVector<Double>
    )
      -> Double
    {
      (w[0] * exp(-w[1] * x) + w[2] - y).squaredNorm()
    }

    @Test func gradientOfTheWrittenModel() {
      let xs = (0..<60).map { Double($0) / 10 }
      let (x, y) = (DifferentiableVector(xs), DifferentiableVector(xs.map { 2 * Foundation.exp(-0.5 * $0) + 1 }))
      let w = [1.5, 0.4, 0.8]
      let (value, gradient) = DifferentiableVector.valueWithGradient(at: w) { Self.loss($0, x: x, y: y) }
      // By hand: r = w₀ e^{−w₁x} + w₂ − y; ∂/∂w = 2 Σ r · (e^{−w₁x}, −w₀ x e^{−w₁x}, 1).
      var expected = [0.0, 0.0, 0.0]
      var total = 0.0
      for (xi, yi) in zip(xs, xs.map { 2 * Foundation.exp(-0.5 * $0) + 1 }) {
        let e = Foundation.exp(-w[1] * xi)
        let r = w[0] * e + w[2] - yi
        total += r * r
        expected[0] += 2 * r * e
        expected[1] += -2 * r * w[0] * xi * e
        expected[2] += 2 * r
      }
      #expect(abs(value - total) <= 1e-12 * total)
      for i in 0..<3 { #expect(abs(gradient[i] - expected[i]) <= 1e-10 * max(1, abs(expected[i])), "∂/∂w\(i)") }
      #expect(abs(expected[0]) > 1 && abs(expected[1]) > 1 && abs(expected[2]) > 1)
    }
  }
#endif
