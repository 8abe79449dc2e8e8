/// A mistake in a specification, a results file or the study's own files, said plainly.
public struct StudyError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
