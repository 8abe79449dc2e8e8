// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import _Differentiation

  /// A model written as a struct of ``DifferentiableMatrix`` and ``DifferentiableVector``
  /// parameters (a network's weights and biases), minimised directly: ``ModelObjective``
  /// lays its parameters end to end in the vector an optimizer holds, and
  /// ``ModelObjective/model(at:)`` turns the optimizer's result back into the struct.
  ///
  ///     struct Network: DifferentiableModel {
  ///       typealias Scalar = Float
  ///       var hiddenWeights: DifferentiableMatrix<Float>  // units × inputs
  ///       var hiddenBias: DifferentiableVector<Float>
  ///       var outputWeights: DifferentiableMatrix<Float>  // classes × units
  ///       var outputBias: DifferentiableVector<Float>
  ///
  ///       static var parameters: [ModelParameter<Network>] {
  ///         [.matrix(\.hiddenWeights), .vector(\.hiddenBias), .matrix(\.outputWeights), .vector(\.outputBias)]
  ///       }
  ///
  ///       @differentiable(reverse)
  ///       func loss(_ batch: DifferentiableMatrix<Float>, labels: [Int]) -> Float {
  ///         let hidden = batch.multiplied(byTransposeOf: hiddenWeights).addingToEachRow(hiddenBias).relu()
  ///         let logits = hidden.multiplied(byTransposeOf: outputWeights).addingToEachRow(outputBias)
  ///         return logits.softmaxCrossEntropy(labels: labels)
  ///       }
  ///     }
  ///
  /// The struct's `Differentiable` conformance is the one Swift synthesises.
  public protocol DifferentiableModel: Differentiable, Sendable {
    associatedtype Scalar: DescentFloat & Differentiable where Scalar.TangentVector == Scalar
    /// Every parameter of the model, once each, in the order they take in the optimizer's
    /// vector.
    static var parameters: [ModelParameter<Self>] { get }
  }

  /// One parameter of a ``DifferentiableModel``: a matrix or a vector the model stores.
  public struct ModelParameter<Model: DifferentiableModel> {
    typealias Scalar = Model.Scalar
    /// Where the model stores it, to tell repeats apart.
    let path: AnyKeyPath
    /// Its number of elements in `model`.
    let count: (Model) -> Int
    /// Its shape in `model`: rows and columns, or a vector's count.
    let shape: (Model) -> [Int]
    /// Its elements in `model`.
    let read: (Model) -> [Scalar]
    /// Sets it to `scalars` (of its count) with gradients gathered in `buffer`.
    let write: (inout Model, [Scalar], AdjointBuffer<Scalar>) -> Void

    /// A matrix of the model.
    public static func matrix(_ path: WritableKeyPath<Model, DifferentiableMatrix<Model.Scalar>>) -> Self {
      ModelParameter(
        path: path,
        count: { $0[keyPath: path].elements.count },
        shape: { [$0[keyPath: path].rows, $0[keyPath: path].columns] },
        read: { $0[keyPath: path].elements },
        write: { model, scalars, buffer in
          let old = model[keyPath: path]
          var new = DifferentiableMatrix(rows: old.rows, columns: old.columns, elements: scalars, isTracked: true)
          new.adjoint = buffer
          model[keyPath: path] = new
        })
    }

    /// A vector of the model.
    public static func vector(_ path: WritableKeyPath<Model, DifferentiableVector<Model.Scalar>>) -> Self {
      ModelParameter(
        path: path,
        count: { $0[keyPath: path].count },
        shape: { [$0[keyPath: path].count] },
        read: { $0[keyPath: path].elements },
        write: { model, scalars, buffer in
          var new = DifferentiableVector(scalars: scalars, isTracked: true)
          new.adjoint = buffer
          model[keyPath: path] = new
        })
    }
  }

  /// A ``DifferentiableModel``'s loss as an objective over its parameters laid end to end:
  /// its gradient is the compiler's, through the models' hand-written array derivatives.
  ///
  ///     let objective = try ModelObjective(model: network) { $0.loss(batch, labels: labels) }
  ///     var optimizer = try SafeguardedCsawg<Float>()
  ///     let result = try minimize(objective, from: objective.start, using: &optimizer)
  ///     let trained = objective.model(at: result.minimizer)
  ///
  /// Every matrix and vector the model stores must be listed in `parameters` once; the
  /// initialiser refuses a list with a repeat or one that leaves a stored array out (keep
  /// data outside the model, in the loss's closure).
  ///
  /// Each evaluation copies the parameters into the model's arrays once (O(d), beside the
  /// loss's O(n·d) for a batch of n) and the backward pass adds the gradient straight into
  /// the optimizer's gradient vector, with no copy out.
  public struct ModelObjective<Model: DifferentiableModel>: Objective {
    public typealias Scalar = Model.Scalar
    public let dimension: Int
    public var minimizer: [Scalar]? { nil }
    public var minimum: Scalar? { nil }
    /// The model given, whose parameters are the start and whose shapes set the layout.
    public let template: Model
    let box: LossBox
    /// Where each parameter starts in the vector.
    let offsets: [Int]

    /// The loss boxed: copying a struct holding a `@differentiable` closure crashes this
    /// toolchain's value witness (see ``DifferentiableObjective``).
    final class LossBox: Sendable {
      let loss: @Sendable @differentiable(reverse) (Model) -> Scalar
      init(_ loss: @escaping @Sendable @differentiable(reverse) (Model) -> Scalar) { self.loss = loss }
    }

    public init(model: Model, loss: @escaping @Sendable @differentiable(reverse) (Model) -> Scalar) throws(DescentError)
    {
      let paths = Model.parameters.map(\.path)
      guard Set(paths).count == paths.count else {
        throw .invalidValue(
          name: "\(Model.self).parameters", value: "a matrix or vector listed twice", expected: "each one once")
      }
      let stored = Mirror(reflecting: model).children.filter {
        $0.value is DifferentiableMatrix<Scalar> || $0.value is DifferentiableVector<Scalar>
      }
      guard stored.count == paths.count else {
        let names = stored.compactMap(\.label).joined(separator: ", ")
        throw .invalidValue(
          name: "\(Model.self).parameters", value: "\(paths.count) listed",
          expected: "each of the \(stored.count) matrices and vectors the model stores (\(names))")
      }
      var offsets: [Int] = []
      var total = 0
      for parameter in Model.parameters {
        offsets.append(total)
        let (sum, overflow) = total.addingReportingOverflow(parameter.count(model))
        guard !overflow else {
          throw .invalidValue(name: "model", value: "\(Model.self)", expected: "fewer than Int.max parameters")
        }
        total = sum
      }
      guard total >= 1 else {
        throw .invalidValue(
          name: "model", value: "\(Model.self)", expected: "at least one parameter in Model.parameters")
      }
      (dimension, template, self.offsets, box) = (total, model, offsets, LossBox(loss))
      parameterBlocks = zip(Model.parameters, offsets).compactMap { parameter, offset in
        let shape = parameter.shape(model)
        guard shape.allSatisfy({ $0 >= 1 }) else { return nil }  // an empty array holds no block
        return ParameterBlock(name: Self.name(parameter.path), offset: offset, shape: shape)
      }
    }

    /// Each listed matrix and vector, named as the model stores it.
    public let parameterBlocks: [ParameterBlock]

    /// `\Network.hiddenWeights` → `hiddenWeights`.
    static func name(_ path: AnyKeyPath) -> String {
      let text = String(describing: path)
      guard let dot = text.firstIndex(of: ".") else { return text }
      return String(text[text.index(after: dot)...])
    }

    /// The template's parameters, end to end: where a run starts.
    public var start: [Scalar] {
      Model.parameters.flatMap { $0.read(template) }
    }

    /// The model with the parameters `w` (an optimizer's result) in place of the template's.
    public func model(at w: [Scalar]) -> Model {
      precondition(w.count == dimension, "\(w.count) parameters for a model of \(dimension)")
      return w.withUnsafeBufferPointer { model(at: $0, gradient: nil) }
    }

    /// The template with `w`'s parameters; their gradients go to `gradient` (zeroed here)
    /// when given.
    func model(at w: UnsafeBufferPointer<Scalar>, gradient: UnsafeMutableBufferPointer<Scalar>?) -> Model {
      var model = template
      for (parameter, offset) in zip(Model.parameters, offsets) {
        let count = parameter.count(template)
        let buffer =
          gradient.map { AdjointBuffer(count: count, into: $0.baseAddress! + offset) } ?? AdjointBuffer(count: count)
        parameter.write(&model, Array(w[offset..<(offset + count)]), buffer)
      }
      return model
    }

    public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
      box.loss(model(at: w, gradient: nil))
    }

    public func gradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>) {
      _ = valueAndGradient(at: w, into: gradient)
    }

    public func valueAndGradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>)
      -> Scalar
    {
      let (value, pullback) = valueWithPullback(at: model(at: w, gradient: gradient), of: box.loss)
      _ = pullback(1)
      return value
    }
  }
#endif
