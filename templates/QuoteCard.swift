import PortalModel

/// What a quote's share card (its page's `og:image`) shows, and the file it is published as.
///
/// The file is named by a hash of what the card shows, so a card whose words, speaker,
/// role, date and site title are unchanged keeps its name and a rebuild need not draw it
/// again, while a changed card gets a new address, which sites that cache images by
/// address fetch afresh.
public struct QuoteCard: Sendable, Equatable {
    public let words: String
    public let speaker: String
    public let role: String?
    /// "11 May 2021".
    public let date: String
    public let site: String
    /// Below the site root: `quotes/<id>/card-<16 hex digits>.png`.
    public let file: String

    /// The size the renderer draws, in pixels, as the meta tags announce it.
    public static let width = 1200
    public static let height = 630

    public init(_ quote: Quote, in portal: Portal) {
        words = quote.text
        speaker = portal.speaker(quote.speakerSlug)?.name ?? quote.speakerSlug
        role = quote.role
        date = quote.date.longText
        site = portal.site.title
        var hash = StableHash()
        for field in [words, speaker, role ?? "", role == nil ? "-" : "+", date, site] { hash.add(field) }
        file = Route.quote(quote.id).folder + "card-\(hash.hex).png"
    }
}

/// FNV-1a, 64 bits: the same for the same strings in every run, unlike `Hasher`.
private struct StableHash {
    private var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds a string's UTF-8 bytes and a separator that no UTF-8 text contains.
    mutating func add(_ text: String) {
        for byte in text.utf8 + [0xFF] {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
