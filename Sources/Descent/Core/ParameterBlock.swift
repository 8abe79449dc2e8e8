/// A named, contiguous part of an objective's parameters θ with a shape, its entries by
/// rows (row-major), as a network's layers lie in PyTorch's `parameters()` order: a
/// linear layer's weight (out × in), then its bias (out); a 1-D convolution's weight
/// (out × in × kernel), then its bias.
///
/// A method that treats matrices apart from vectors (Muon orthogonalises each weight
/// matrix and leaves the rest to AdamW) reads them from ``Objective/parameterBlocks``;
/// a block of two or more axes is a matrix of `shape[0]` rows and the product of the
/// other axes as columns (a convolution's kernel flattened, as Muon takes it).
public struct ParameterBlock: Sendable, Hashable, Codable {
  /// What the block is, in the model's own words (for instance `linear1.weight`).
  public var name: String
  /// Where the block starts in θ.
  public var offset: Int
  /// Its axes, the last varying fastest; `[n]` for a vector.
  public var shape: [Int]

  public init(name: String, offset: Int, shape: [Int]) {
    precondition(!shape.isEmpty && shape.allSatisfy { $0 >= 1 } && offset >= 0, "a block of no entries")
    (self.name, self.offset, self.shape) = (name, offset, shape)
  }

  /// Its number of entries.
  public var count: Int { shape.reduce(1, *) }
  /// Its entries' positions in θ.
  public var range: Range<Int> { offset..<(offset + count) }
  /// Whether it has two or more axes.
  public var isMatrix: Bool { shape.count >= 2 }
  /// Its rows and columns as a matrix: `shape[0]` by the other axes' product.
  public var matrixShape: (rows: Int, columns: Int) { (shape[0], count / shape[0]) }

  /// Blocks laid end to end from offset 0, in the order given.
  public static func laidOut(_ blocks: [(name: String, shape: [Int])]) -> [ParameterBlock] {
    var offset = 0
    return blocks.map { block in
      defer { offset += block.shape.reduce(1, *) }
      return ParameterBlock(name: block.name, offset: offset, shape: block.shape)
    }
  }

  /// The description of a vector that has none: one block of `dimension` entries.
  public static func vector(_ dimension: Int) -> [ParameterBlock] {
    dimension >= 1 ? [ParameterBlock(name: "θ", offset: 0, shape: [dimension])] : []
  }
}
