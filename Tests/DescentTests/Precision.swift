import Descent

/// The two precisions every generic test runs in.
let precisions: [any DescentFloat.Type] = [Float.self, Double.self]
