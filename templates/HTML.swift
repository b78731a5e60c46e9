/// A piece of HTML that is safe to emit.
///
/// Literal text in an `HTML` string is the template author's markup; every `String`
/// interpolated into it is escaped for text and attribute values alike. The only way
/// to emit unescaped text is `HTML(trusted:)`, used for cmark's safe-mode output.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var string: String

    /// Markup that is already safe: cmark's output, never editor text.
    public init(trusted markup: String) { string = markup }

    public init(stringLiteral value: String) { string = value }

    public init(stringInterpolation: StringInterpolation) { string = stringInterpolation.output }

    public var description: String { string }

    /// No markup.
    public static let empty = HTML(trusted: "")

    /// Joins fragments.
    public init(_ parts: [HTML]) {
        string = ""
        for part in parts { string += part.string }
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Editor or model text: always escaped.
        public mutating func appendInterpolation(_ text: String) { HTML.escape(text, into: &output) }

        public mutating func appendInterpolation(_ number: Int) { output += String(number) }

        public mutating func appendInterpolation(_ html: HTML) { output += html.string }

        public mutating func appendInterpolation(_ html: HTML?) { if let html { output += html.string } }

        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { output += part.string } }
    }

    /// Escapes `& < > " '` so text is safe in element content and in quoted attribute values.
    public static func escape(_ text: String, into output: inout String) {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsWork else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text`, escaped.
    public static func escaped(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }
}

extension Sequence {
    /// Renders each element and joins the results.
    func html(_ render: (Element) -> HTML) -> HTML { HTML(map(render)) }
}
