import ArgumentParser
import Descent
import DescentProblems
import DescentStudy
import Foundation

struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Minimise one problem with one optimizer and print its progress and result.",
    discussion: "Settings of each optimizer (as --setting value, or after colons in --optimizer):\n"
      + MethodOptions.settingsHelp)

  @OptionGroup var method: MethodOptions
  @OptionGroup var problem: ProblemOptions
  @OptionGroup var stopping: StoppingOptions

  @Option(
    help: ArgumentHelp(
      "Write the per-iteration trace as CSV to this file, as the run goes (a regular file or a new one).",
      valueName: "file.csv"), completion: .file(extensions: ["csv"]))
  var trace: String?

  @Option(
    help: ArgumentHelp(
      "Write the start, the last and the best iterate, and the point the method is used at (its average, or the last), to a numpy file, rows 0 to 3 (numpy.load); on a training problem, rows 0 to 2 the weights each epoch was measured at, the best by validation loss (--set validation-rows=N) or else by training loss.",
      valueName: "file.npy"), completion: .file(extensions: ["npy"]))
  var iterates: String?

  @Option(
    help: ArgumentHelp(
      "Training problem: keep the state to resume from in this file (JSON, replaced atomically): at the end, on Ctrl-C, and on the way as often as costs a tenth of the run.",
      valueName: "file.json"), completion: .file(extensions: ["json"]))
  var checkpoint: String?

  @Option(
    help: ArgumentHelp(
      "Training problem: go on from this checkpoint to --epochs in all, bit for bit as if never stopped (give the run's own command line; it may be the --checkpoint file).",
      valueName: "file.json"), completion: .file(extensions: ["json"]))
  var resume: String?

  @Option(help: "Arithmetic: float or double.")
  var precision: Precision = .double

  @Option(help: "Output: table (progress and result) or json (one JSON object on one line).")
  var format: OutputFormat = .table

  @Option(
    parsing: .unconditional, help: "Rows of the progress table (at least 2).", transform: IntegerArgument.atLeast(2))
  var progressRows = 10

  @Option(
    parsing: .unconditional, help: "Leading components of w and of the step-sizes each trace row keeps (default 8).",
    transform: IntegerArgument.atLeast(0))
  var traceComponents: Int?

  @Option(
    parsing: .unconditional,
    help:
      "Epochs of a training problem (mnist1d-*, *-heldout), a row per epoch (default 150, or what --max-evaluations pays for).",
    transform: IntegerArgument.atLeast(1)
  )
  var epochs: Int?

  func run() throws {
    switch precision {
    case .float: try run(Float.self)
    case .double: try run(Double.self)
    }
  }

  private func run<S: DescentFloat>(_: S.Type) throws {
    let objective: any CatalogedProblem<S>
    do {
      objective = try problem.make(S.self)
    } catch DescentError.unexpectedParameter(let name, let owner, let accepted) {
      // A method's setting given with --set: say where it goes.
      let optimizer = method.optimizer.split(separator: ":").first.map(String.init) ?? ""
      if OptimizerCatalog.settingNames(of: optimizer)?.contains(name) == true {
        let value = (try? problem.settings())?[name] ?? "VALUE"
        throw InputError(
          "\(owner) has no setting '\(name)': it is \(optimizer)'s, given as --\(name) \(value) (--set is the problem's)"
        )
      }
      throw DescentError.unexpectedParameter(name: name, method: owner, accepted: accepted)
    }
    let start = try problem.startingPoint(for: objective)
    let optimizer = try method.make(for: objective)
    if let training = objective as? any TrainedByEpochs<S> {
      try train(training, from: start, with: optimizer)
      return
    }
    for (flag, value) in [("checkpoint", checkpoint), ("resume", resume)] where value != nil {
      throw InputError(
        "--\(flag) applies to a training problem (\(ProblemCatalog.training(S.self).map { $0.catalogName }.joined(separator: ", "))), not \(problem.problem)"
      )
    }
    if epochs != nil {
      throw InputError(
        "--epochs applies to a training problem (\(ProblemCatalog.training(S.self).map { $0.catalogName }.joined(separator: ", "))), not \(problem.problem)"
      )
    }
    let rules = try stopping.rules(S.self)
    try OutputFile.requireDistinct([("trace", trace), ("iterates", iterates)])
    // The trace is opened before the run: a path it cannot write fails now.
    let traceFile = try trace.map { try TraceFile<S>(path: $0) }
    let iteratesFile = try iterates.map { try OutputFile(path: $0) }
    var progress = ProgressRows<S>()
    var writeError: Error?
    // Ctrl-C keeps the trace's finished rows and says where they are.
    let keeper = traceFile.map { file in
      TemporaryFiles.onInterrupt {
        guard !file.output.closed else { return nil }
        do {
          try file.finish()
          return "interrupted: the trace \(file.output.path) holds the \(file.rows) rows made"
        } catch {
          return "interrupted; the trace could not be kept: \(error)"
        }
      }
    }
    defer { keeper.map(TemporaryFiles.dropKeeper) }
    let result: MinimizationResult<S>
    do {
      let trace = TraceSettings(recording: false, components: traceComponents ?? 8)
      result = try minimize(objective, from: start, with: optimizer, until: rules, trace: trace) { row in
        progress.add(row)
        if format == .table {
          Terminal.progress(
            "iteration \(row.iteration), \(row.gradientEvaluations) gradients, f = \(Format.number(row.value)), \(Terminal.elapsed)"
          )
        }
        do {
          try TemporaryFiles.writing.withLock { try traceFile?.append(row) }
        } catch {
          writeError = error
          return .stop
        }
        return .proceed
      }
    } catch {
      Terminal.clearProgress()
      throw stopping.asTyped(error)
    }
    Terminal.clearProgress()
    if let writeError {
      traceFile?.discard()
      throw writeError
    }
    try TemporaryFiles.writing.withLock { try traceFile?.finish() }
    if let iteratesFile {
      let last = result.minimizer.map(Double.init)
      try iteratesFile.write(
        bytes: NumpyArray.bytes(rows: [
          start.map(Double.init), last, result.best?.minimizer.map(Double.init) ?? last,
          result.evaluationPoint.map(Double.init),
        ]))
      try iteratesFile.commit()
    }
    // Schedule-free's x, the planner's average: measured on the full objective, uncounted.
    let averaged: (value: S, error: S?)? =
      result.evaluationPoint == result.minimizer
      ? nil
      : {
        let point = result.evaluationPoint
        let measured = objective.fullObjective ?? objective
        let error = objective.minimizer.map { Vector.distance(point, $0) }
        return (measured.value(at: point), error)
      }()
    switch format {
    case .json:
      var record = try RunRecord(
        result, method: try method.specification(), problem: problem, dimension: objective.dimension,
        precision: precision.rawValue, iterates: iterates)
      record.averaged = averaged.map {
        RunRecord.Averaged(value: RunRecord.finite($0.value), error: $0.error.flatMap(RunRecord.finite))
      }
      print(try record.line())
    case .table:
      print(
        "\(method.optimizer.split(separator: ":").first ?? "") on \(problem.problem) (d = \(objective.dimension), \(precision.rawValue))"
      )
      print(ProgressTable.render(progress.rows, count: progressRows))
      print(ResultSummary.render(result, gradientNorm: progress.rows.last?.gradientNorm, averaged: averaged))
      if let trace, let traceFile { print("trace: \(trace) (\(traceFile.rows) rows)") }
    }
    if result.termination.isFailure { throw ExitCode(2) }
  }
}

extension RunCommand {
  /// A training problem's run: by epochs, a row per epoch.
  private func train<S: DescentFloat>(
    _ objective: any TrainedByEpochs<S>, from start: [S], with optimizer: any Optimizer<S>
  )
    throws
  {
    let refused = [
      ("max-iterations", stopping.maxIterations.map(String.init)), ("error-tolerance", stopping.errorTolerance),
      ("value-tolerance", stopping.valueTolerance), ("gradient-tolerance", stopping.gradientTolerance),
      ("trace-components", traceComponents.map(String.init)),
    ]
    if let (flag, _) = refused.first(where: { $0.1 != nil }) {
      throw InputError("--\(flag) does not apply to a training problem, which runs by --epochs and --max-evaluations")
    }
    if resume != nil, problem.start != nil {
      throw InputError("--start does not apply with --resume: the run goes on from its checkpoint")
    }
    // Epochs as asked; a gradient budget alone runs the epochs it pays for (the last cut short).
    let perEpoch = objective.gradientsPerEpoch
    let epochs = epochs ?? stopping.maxEvaluations.map { max(1, $0 / perEpoch + ($0 % perEpoch == 0 ? 0 : 1)) } ?? 150
    if self.epochs == nil, let budget = stopping.maxEvaluations {
      // The epochs are the budget's: a count too large to record is the budget's error.
      try DescentError.requireMemory(
        MemoryRequirement.sum(epochs, 1).flatMap { MemoryRequirement.product($0, 8) }, of: Double.self,
        name: "max-evaluations", value: budget,
        what: "a record of 8 numbers for each of the \(epochs) epochs it pays for")
    }
    // Values are capped as the other runs cap them (four a gradient, as the planner needs
    // about two): no run is unbounded.
    let (gradients, overflow) = epochs.multipliedReportingOverflow(by: perEpoch)
    let (fourfold, overflowFourfold) = gradients.multipliedReportingOverflow(by: 4)
    let values =
      stopping.maxEvaluations
      ?? (overflow || overflowFourfold ? .max : max(StoppingOptions.defaultEvaluations, fourfold))
    let specification = try method.specification(stepsPerEpoch: perEpoch)
    let identity = TrainingCheckpoint.Identity(
      problem: problem.problem, problemSettings: try problem.settings(), method: specification.name,
      methodSettings: specification.settings, precision: precision.rawValue)
    // The checkpoint is read before any output is opened: it may be the --checkpoint file.
    let resumed = try resume.map { try TrainingCheckpoint.read($0, expecting: identity, fresh: optimizer) }
    if let resumed, epochs < resumed.progress.epoch {
      throw InputError(
        "invalid epochs \(epochs): \(resume!) has done \(Plural.of(resumed.progress.epoch, "epoch")); expected an integer ≥ \(resumed.progress.epoch), the epochs in all"
      )
    }
    let start = resumed?.start ?? start
    try OutputFile.requireDistinct([("trace", trace), ("iterates", iterates), ("checkpoint", checkpoint)])
    let traceFile = try trace.map { try OutputFile(path: $0) }
    let iteratesFile = try iterates.map { try OutputFile(path: $0) }
    let checkpoints = try checkpoint.map { try CheckpointWriter<S>(path: $0, identity: identity, start: start) }
    let batches =
      objective.batchSize == 0
      ? "every row" : "batches of \(objective.batchSize), \(objective.gradientsPerEpoch) gradients an epoch"
    let (table, shown) = TrainingRun.table(
      epochs: epochs, gradientsPerEpoch: objective.gradientsPerEpoch, count: progressRows,
      validation: objective.validationRows > 0)
    if format == .table {
      Terminal.printNow(
        "\(method.optimizer.split(separator: ":").first ?? "") on \(problem.problem) (d = \(objective.dimension), \(precision.rawValue); \(batches)"
          + (objective.validationRows > 0 ? "; \(objective.validationRows) training rows held out for validation" : "")
          + ")")
      if let resume, let resumed {
        Terminal.printNow(
          "resumed from \(resume) at epoch \(resumed.progress.epoch): the rows to epoch \(resumed.progress.epoch) are the earlier run's"
        )
      }
      Terminal.printNow(table.heading)
    }
    // Ctrl-C keeps the trace's finished rows and the last finished epoch's checkpoint,
    // and says where they are.
    var finished = 0
    let keeper = TemporaryFiles.onInterrupt {
      var notes: [String] = []
      if let file = traceFile, !file.closed {
        do {
          try file.commit()
          notes.append("the trace \(file.path) holds them")
        } catch {
          notes.append("the trace could not be kept: \(error)")
        }
      }
      if let checkpoints {
        do {
          try checkpoints.writeLatest()
          if let epoch = checkpoints.written {
            notes.append("\(checkpoints.path) holds epoch \(epoch): add --resume \(checkpoints.path) to go on")
          }
        } catch {
          notes.append("the checkpoint could not be written: \(error)")
        }
      }
      guard !notes.isEmpty else {
        return "interrupted: \(Plural.of(finished, "epoch")) finished, not kept (--trace and --checkpoint keep them)"
      }
      return "interrupted: \(Plural.of(finished, "epoch")) finished; " + notes.joined(separator: "; ")
    }
    defer { TemporaryFiles.dropKeeper(keeper) }
    var lastShown = -1
    let result: TrainingResult<S>
    do {
      result = try TrainingRun.run(
        objective, from: start, with: optimizer, epochs: epochs, maxEvaluations: stopping.maxEvaluations,
        maxValueEvaluations: values, trace: traceFile, resumed: resumed, checkpoint: checkpoints?.keep
      ) { record in
        finished = record.epoch
        guard format == .table else { return }
        if shown.contains(record.epoch) {
          Terminal.printNow(table.line(TrainingRun.cells(record)))
          lastShown = record.epoch
        }
        Terminal.progress(
          "epoch \(record.epoch) of \(epochs): test accuracy \(TrainingRun.percent(record.testAccuracy)), \(Terminal.elapsed)"
        )
      }
      try TemporaryFiles.writing.withLock { try checkpoints?.writeLatest() }
      // A resumed run with no epoch left leaves its checkpoint as it was.
      checkpoints?.discard()
      try TemporaryFiles.writing.withLock { try traceFile?.commit() }
      if let iteratesFile {
        let last = result.evaluationPoint.map(Double.init)
        try iteratesFile.write(
          bytes: NumpyArray.bytes(rows: [start.map(Double.init), last, result.best?.weights.map(Double.init) ?? last]))
        try iteratesFile.commit()
      }
    } catch {
      traceFile?.discard()
      iteratesFile?.discard()
      checkpoints?.discard()
      Terminal.clearProgress()
      throw error
    }
    Terminal.clearProgress()
    let averaged = result.evaluationPoint != result.minimizer
    switch format {
    case .json:
      print(
        try RunRecord(
          training: result, method: specification, problem: problem, dimension: objective.dimension,
          precision: precision.rawValue, iterates: iterates
        ).line())
    case .table:
      if let last = result.records.last, last.epoch != lastShown { print(table.line(TrainingRun.cells(last))) }
      print(TrainingRun.summary(result, averaged: averaged))
      if let trace { print("trace: \(trace) (\(Plural.of(result.records.count, "row")))") }
      if let iterates {
        let best = result.best.map { "epoch \($0.epoch)'s, by \($0.byValidation ? "validation" : "training") loss" }
        print("iterates: \(iterates) (the start, the last epoch's weights, the best: \(best ?? "the last"))")
      }
      if let checkpoints, let epoch = checkpoints.written { print("checkpoint: \(checkpoints.path) (epoch \(epoch))") }
    }
    if result.termination.isFailure { throw ExitCode(2) }
  }
}

enum Precision: String, ExpressibleByArgument, CaseIterable {
  case float, double
}
