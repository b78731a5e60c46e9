/// A piece of HTML that is safe to emit.
///
/// Literal text in an `HTML` string is the template author's markup; every `String`
/// interpolated into it is escaped for text and attribute values alike. The only way
/// to emit unescaped text is `HTML(trusted:)`, used for cmark's safe-mode output and for
/// `JSON` text, which escapes `<`, `>` and `&` itself.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var string: String

    /// Markup that is already safe: cmark's output or `JSON` text, never editor text.
    public init(trusted markup: String) { string = markup }

    public init(stringLiteral value: String) { string = value }

    public init(stringInterpolation: StringInterpolation) { string = stringInterpolation.output }

    public var description: String { string }

    /// No markup.
    public static let empty = HTML(trusted: "")

    /// Appends `other`.
    mutating func append(_ other: HTML) { string += other.string }

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

    /// `text` escaped as `escape(_:into:)` does it.
    public static func escaped(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }

    /// An attribute value as the page means it: the entities `escape` writes turned back into text.
    public static func unescaped(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let entities: [(String, String)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
        var output = ""
        var rest = Substring(value)
        while let first = rest.first {
            if first == "&", let (entity, text) = entities.first(where: { rest.hasPrefix($0.0) }) {
                output += text
                rest = rest.dropFirst(entity.count)
            } else {
                output.append(first)
                rest = rest.dropFirst()
            }
        }
        return output
    }

    /// Escapes `& < > " '` so text is safe in element content and in quoted attribute values.
    /// Runs of safe text are copied whole; only the five special bytes are replaced.
    public static func escape(_ text: String, into output: inout String) {
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let entity: String
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                bytes.formIndex(after: &index)
                continue
            }
            output += text[runStart..<index]
            output += entity
            bytes.formIndex(after: &index)
            runStart = index
        }
        if runStart == bytes.startIndex {
            output += text
        } else {
            output += text[runStart..<bytes.endIndex]
        }
    }
}

extension Sequence {
    /// Renders each element and joins the results, appending each as it is rendered: a list
    /// of 125,000 quotes is never held as rows and again as one string.
    func html(_ render: (Element) -> HTML) -> HTML {
        var output = HTML.empty
        for element in self { output.append(render(element)) }
        return output
    }
}
