import PortalModel
import ShareCards
import Templates

/// Draws the quotes' share cards (`QuoteCard`) into the build folder, each only when no
/// card showing the same thing is there already or published: a card's file name says
/// what it shows.
enum CardWriter {
    /// The hash of every quote's card file, and the cards drawn. A card already in the
    /// build folder stays; one in `published` (the hashes of the files in the folder
    /// `live`) is hard-linked from there; the others are drawn on `workers` threads.
    static func write(_ portal: Portal, into staging: StagingFolder, published: [String: UInt64], from live: String,
                      workers: Int?) throws -> (files: [String: UInt64], drawn: Set<String>) {
        var files: [String: UInt64] = [:]
        var missing: [QuoteCard] = []
        for quote in portal.quotes {
            let card = QuoteCard(quote, in: portal)
            if let hash = staging.existing[card.file] {
                files[card.file] = hash
            } else if let hash = published[card.file] {
                try staging.link("\(live)/\(card.file)", to: card.file)
                files[card.file] = hash
            } else {
                missing.append(card)
            }
        }
        let results = parallelMap(missing, workers: workers) { card -> Result<(String, UInt64), PublishError> in
            Result {
                let png = try CardRenderer.png(words: card.words, speaker: card.speaker, role: card.role, date: card.date,
                                               site: card.site)
                let folder = String(card.file[..<card.file.lastIndex(of: "/")!])
                return (card.file, try png.withUnsafeBytes { try staging.write(card.file, $0, folder: folder) })
            }.mapError { $0 as? PublishError ?? PublishError(path: card.file, reason: "\($0)") }
        }
        for result in results {
            let (file, hash) = try result.get()
            files[file] = hash
        }
        return (files, Set(missing.map(\.file)))
    }
}
