/// The URL segment of a page: lowercase letters and digits in groups joined by single hyphens.
public enum Slug {
    /// The longest slug, in bytes: a slug becomes a folder name (at most 255 bytes on most
    /// file systems), and quote ids add "-<n>" to a document's.
    public static let maximumLength = 200

    /// `slugs` in their order, each once.
    public static func uniqued(_ slugs: [String]) -> [String] {
        var seen = Set<String>()
        return slugs.filter { seen.insert($0).inserted }
    }

    /// True when `text` matches `^[a-z0-9]+(-[a-z0-9]+)*$` and is at most `maximumLength` long.
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= maximumLength else { return false }
        var previousWasHyphen = true
        var sawAny = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
            sawAny = true
        }
        return sawAny && !previousWasHyphen
    }

    /// The nearest valid slug to `text` ("Early Help!" → "early-help"), for suggestions.
    public static func suggestion(for text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return String(result.prefix(maximumLength))
    }
}
