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

    /// `text` as a JSON string literal, escaped as the type's documentation says. It walks the
    /// UTF-8 bytes and copies runs that need no escape whole, as `HTML.escape` does: every
    /// character escaped is ASCII but U+2028 and U+2029 (E2 80 A8, E2 80 A9).
    static func quote(_ text: String, into output: inout String) {
        output += "\""
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let byte = bytes[index]
            var next = bytes.index(after: index)
            let escape: String
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): escape = "\\u" + hex(UInt32(byte))
            case 0xE2 where bytes[next...].starts(with: [0x80, 0xA8]) || bytes[next...].starts(with: [0x80, 0xA9]):
                let last = bytes[bytes.index(after: next)]
                escape = "\\u" + hex(last == 0xA8 ? 0x2028 : 0x2029)
                next = bytes.index(next, offsetBy: 2)
            default:
                index = next
                continue
            }
            output += text[runStart..<index]
            output += escape
            index = next
            runStart = next
        }
        output += text[runStart...]
        output += "\""
    }

    /// Four lowercase hex digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([12, 8, 4, 0].map { digits[Int((value >> $0) & 0xF)] })
    }
}
