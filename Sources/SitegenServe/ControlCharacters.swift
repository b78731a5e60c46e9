/// `text` with each control character (C0, DEL and C1) written as Swift writes it, `\u{1B}`,
/// so a value quoted in an error can neither drive the terminal (clear it, write the clipboard,
/// hide a link) nor vanish from the error page.
func escapedControlCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
    var escaped = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if scalar.properties.generalCategory == .control {
            escaped.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
        } else {
            escaped.append(scalar)
        }
    }
    return String(escaped)
}
