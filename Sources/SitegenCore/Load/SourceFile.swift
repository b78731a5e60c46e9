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
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return .success(SourceFile(path: path, text: text))
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
