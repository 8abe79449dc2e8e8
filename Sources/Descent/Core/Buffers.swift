/// Unsafe views of several arrays at once, so an element-wise kernel reads as one
/// loop instead of a staircase of closures.
@inlinable
package func withBuffers<S, R>(
  _ a: inout [S], _ b: inout [S], _ body: (UnsafeMutableBufferPointer<S>, UnsafeMutableBufferPointer<S>) -> R
) -> R {
  a.withUnsafeMutableBufferPointer { a in b.withUnsafeMutableBufferPointer { b in body(a, b) } }
}

@inlinable
package func withBuffers<S, R>(
  _ a: inout [S], _ b: inout [S], _ c: inout [S],
  _ body: (UnsafeMutableBufferPointer<S>, UnsafeMutableBufferPointer<S>, UnsafeMutableBufferPointer<S>) -> R
) -> R {
  a.withUnsafeMutableBufferPointer { a in
    b.withUnsafeMutableBufferPointer { b in c.withUnsafeMutableBufferPointer { c in body(a, b, c) } }
  }
}

@inlinable
package func withBuffers<S, R>(
  _ a: inout [S], _ b: inout [S], _ c: inout [S], _ d: inout [S],
  _ body: (
    UnsafeMutableBufferPointer<S>, UnsafeMutableBufferPointer<S>, UnsafeMutableBufferPointer<S>,
    UnsafeMutableBufferPointer<S>
  ) -> R
) -> R {
  a.withUnsafeMutableBufferPointer { a in
    b.withUnsafeMutableBufferPointer { b in
      c.withUnsafeMutableBufferPointer { c in d.withUnsafeMutableBufferPointer { d in body(a, b, c, d) } }
    }
  }
}
