/// A JSON value (RFC 8259), written compactly with object keys in the order given, for the
/// JSON-LD in a page's `<script type="application/ld+json">`.
///
/// Besides what RFC 8259 requires, strings escape `<`, `>` and `&` (so no `</script>` or
/// `<!--` can appear) and U+2028 and U+2029: the text is inert inside the script element.
enum JSON {
    case string(String)
    case array([JSON])
    /// Members in order; a nil value leaves the member out.
    case object([(String, JSON?)])

    /// The value as compact JSON text.
    var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    private func write(into output: inout String) {
        switch self {
        case .string(let string):
            JSON.quote(string, into: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            var first = true
            for (key, value) in members {
                guard let value else { continue }
                if !first { output += "," }
                first = false
                JSON.quote(key, into: &output)
                output += ":"
                value.write(into: &output)
            }
            output += "}"
        }
    }

    /// `text` as a JSON string literal, escaped as the type's documentation says.
    static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{00}"..."\u{1F}":
                output += "\\u" + hex(scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Four lowercase hex digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([12, 8, 4, 0].map { digits[Int((value >> $0) & 0xF)] })
    }
}
