/// Comma-separated values as RFC 4180 writes them.
public enum CSV {
    /// One record ending in `lineEnd` (CRLF by default); a field holding a comma, a double quote,
    /// CR or LF is quoted, its double quotes doubled.
    public static func row(_ fields: [String], lineEnd: String = "\r\n") -> String {
        var row = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { row += "," }
            if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) {
                row += "\"" + field.replacing("\"", with: "\"\"") + "\""
            } else {
                row += field
            }
        }
        return row + lineEnd
    }
}
