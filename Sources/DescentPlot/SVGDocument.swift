/// A minimal SVG writer: elements with attributes and text, serialised with escaping.
///
/// Numbers are written with at most two decimals, so output is compact and the same
/// on every run.
public struct SVGElement: Sendable, Equatable {
  public var name: String
  public var attributes: [(String, String)]
  public var children: [SVGElement]
  public var text: String?

  public init(_ name: String, _ attributes: [(String, String)] = [], children: [SVGElement] = [], text: String? = nil) {
    self.name = name
    self.attributes = attributes
    self.children = children
    self.text = text
  }

  public static func == (lhs: SVGElement, rhs: SVGElement) -> Bool {
    lhs.name == rhs.name && lhs.attributes.elementsEqual(rhs.attributes, by: ==) && lhs.children == rhs.children
      && lhs.text == rhs.text
  }

  /// The element as XML text.
  public func render(indent: String = "") -> String {
    var out = indent + "<" + name
    for (key, value) in attributes { out += " \(key)=\"\(SVGElement.escape(value))\"" }
    if children.isEmpty && text == nil { return out + "/>\n" }
    out += ">"
    if let text { out += SVGElement.escape(text) }
    if !children.isEmpty {
      out += "\n"
      for child in children { out += child.render(indent: indent + " ") }
      out += indent
    }
    return out + "</\(name)>\n"
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}

/// Formats a coordinate with at most two decimals and no trailing zeros.
func svgNumber(_ value: Double) -> String {
  let scaled = (value * 100).rounded() / 100
  if scaled == scaled.rounded() { return String(Int(scaled)) }
  var text = String(scaled)
  if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
    text = String(text[..<text.index(dot, offsetBy: 3)])
  }
  return text
}

/// A whole SVG document of the given size.
public func svgDocument(width: Double, height: Double, _ children: [SVGElement]) -> String {
  let root = SVGElement(
    "svg",
    [
      ("xmlns", "http://www.w3.org/2000/svg"), ("width", svgNumber(width)), ("height", svgNumber(height)),
      ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("font-family", "sans-serif"),
      ("font-size", "12"),
    ], children: children)
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.render()
}
