import Foundation

/// A content file read into memory as text: UTF-8 checked, byte-order mark dropped, CRLF made LF.
struct SourceFile: Sendable {
    /// The path as reported in errors.
    let path: String
    let text: String

    /// Reads `path`; a file that is not UTF-8 is a diagnostic naming the line of the first bad byte.
    static func read(_ path: String) -> Result<SourceFile, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(path: path, line: 1, message: "cannot read the file"))
        }
        return decode(data, path: path)
    }

    static func decode(_ data: Data, path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidByte(in: Array(bytes))
            return .failure(Diagnostic(path: path, line: line, column: column,
                                       message: "the file is not UTF-8; save it as UTF-8 in your editor"))
        }
        let hasCarriageReturn = bytes.withUnsafeBytes { buffer in
            buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\r")), buffer.count) != nil } ?? false
        }
        if hasCarriageReturn {
            // CRLF (Windows) and lone CR (old Mac files, mixed endings) both end a line.
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let (line, column, scalar) = firstForbiddenCharacter(in: text) {
            return .failure(Diagnostic(path: path, line: line, column: column,
                message: "the file contains the control character \(TextRules.name(scalar)), which cannot be "
                    + "published; delete it (it is invisible in most editors: retype the text around it)"))
        }
        return .success(SourceFile(path: path, text: text))
    }

    private static func firstForbiddenCharacter(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        // A byte filter first: every forbidden character is a control byte, DEL, or starts with C2 or EF.
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF })
        else { return nil }
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if TextRules.isForbidden(scalar) { return (line, column, scalar) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    private static func firstInvalidByte(in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    lineStart = offset + 1
                }
                offset += UTF8.width(scalar)
            case .emptyInput, .error:
                return (line, offset - lineStart + 1)
            }
        }
    }
}
