import PortalModel
import Templates

/// Every document and quote address the portal has published, kept in `content/published.csv`
/// and committed with the content, so that each address keeps working for good, also on a
/// build from a fresh clone. A build without drafts adds what it published; nothing removes a
/// row but an editor deleting it on purpose.
///
/// A quote without an `#id` keeps the id it was first published under: the words it was last
/// published with identify it among its document's quotes, exactly or, once reworded, by
/// sharing at least half their words (`similarity`). A new quote is `<document>-<n>`, n its
/// place in reading order unless that id was ever published, else the lowest n never used.
struct PublishedAddresses: Sendable, Equatable {
    /// A published quote: its id, the document it was in (by slug), its speaker and its words.
    struct PublishedQuote: Sendable, Equatable {
        var id: String
        var document: String
        var speaker: String
        var words: String
    }

    /// The file's name in the content folder.
    static let fileName = "published.csv"
    static let columns = ["address", "document", "speaker", "words"]
    /// How much of their words a reworded quote must share with its published words to keep its id.
    static let sameQuoteSimilarity = 0.5

    /// Document slugs, in the order they were first published.
    private(set) var documents: [String] = []
    /// In the order they were first published.
    private(set) var quotes: [PublishedQuote] = []
    private var documentSet: Set<String> = []
    private var quoteIndex: [String: Int] = [:]
    private var quotesOfDocument: [String: [Int]] = [:]

    init() {}

    /// The ids of a document's quotes (`explicit`: each one's `#id`, if any), in reading order.
    /// `aliases` are the document's earlier slugs, whose published quotes are its own.
    func ids(ofDocument slug: String, aliases: [String], quotes found: [(explicit: String?, text: String)]) -> [String] {
        var ids = found.map(\.explicit)
        let explicit = Set(found.compactMap(\.explicit))
        var open = ([slug] + aliases).flatMap { quotesOfDocument[$0] ?? [] }.sorted()
            .filter { !explicit.contains(quotes[$0].id) }
        for index in ids.indices where ids[index] == nil {
            let words = Self.exactWords(found[index].text)
            if let match = open.firstIndex(where: { Self.exactWords(quotes[$0].words) == words }) {
                ids[index] = quotes[open.remove(at: match)].id
            }
        }
        var pairs: [(score: Double, quote: Int, entry: Int)] = []
        for index in ids.indices where ids[index] == nil {
            let words = Self.words(found[index].text)
            for entry in open {
                let score = Self.similarity(words, Self.words(quotes[entry].words))
                if score >= Self.sameQuoteSimilarity { pairs.append((score, index, entry)) }
            }
        }
        pairs.sort { ($0.score, -$0.quote, -$0.entry) > ($1.score, -$1.quote, -$1.entry) }
        var matched = Set<Int>()
        for pair in pairs where ids[pair.quote] == nil && !matched.contains(pair.entry) {
            ids[pair.quote] = quotes[pair.entry].id
            matched.insert(pair.entry)
        }
        var used = Set(ids.compactMap { $0 })
        for index in ids.indices where ids[index] == nil {
            var id = "\(slug)-\(index + 1)"
            var n = 1
            while quoteIndex[id] != nil || used.contains(id) {
                id = "\(slug)-\(n)"
                n += 1
            }
            ids[index] = id
            used.insert(id)
        }
        return ids.map { $0! }
    }

    /// Where each published address that no page of `documents` has now leads: a document's
    /// alias to the document; a quote no longer there to the quote with its words in its
    /// document, else to that document, else nowhere; a document neither `live` nor an alias of
    /// one nowhere (unless a draft in `documents` has the page), and it is also `dropped`.
    func redirects(to documents: [Document], live: Set<String>) -> (redirects: [Redirect], dropped: [String]) {
        var slugOfAlias: [String: String] = [:]
        var redirects: [Redirect] = []
        for document in documents {
            for alias in document.aliases {
                slugOfAlias[alias] = document.slug
                redirects.append(Redirect(from: .document(alias), to: .document(document.slug)))
            }
        }
        let bySlug = Dictionary(documents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let liveQuotes = Set(documents.lazy.flatMap(\.quotes).map(\.id))
        for quote in quotes where !liveQuotes.contains(quote.id) {
            let document = bySlug[quote.document] ?? slugOfAlias[quote.document].flatMap { bySlug[$0] }
            let words = Self.exactWords(quote.words)
            if let document, let same = document.quotes.first(where: { Self.exactWords($0.text) == words }) {
                redirects.append(Redirect(from: .quote(quote.id), to: .quote(same.id)))
            } else {
                redirects.append(Redirect(from: .quote(quote.id), to: document.map { .document($0.slug) }))
            }
        }
        let dropped = self.documents.filter { !live.contains($0) && slugOfAlias[$0].map(live.contains) != true }
        for slug in dropped where bySlug[slug] == nil && slugOfAlias[slug] == nil {
            redirects.append(Redirect(from: .document(slug), to: nil))
        }
        return (redirects, dropped)
    }

    /// The line of the document's row in the file, as `csv` writes it.
    func line(ofDocument slug: String) -> Int { (documents.firstIndex(of: slug) ?? 0) + 2 }

    /// Adds the documents and quotes of `published`, updating the words, speaker and document
    /// of quotes already here.
    mutating func record(_ published: [Document]) {
        for document in published where !document.draft {
            if documentSet.insert(document.slug).inserted { documents.append(document.slug) }
            for quote in document.quotes {
                let entry = PublishedQuote(id: quote.id, document: document.slug, speaker: quote.speakerSlug,
                                           words: quote.text)
                if let index = quoteIndex[quote.id] {
                    quotes[index] = entry
                } else {
                    quoteIndex[quote.id] = quotes.count
                    quotes.append(entry)
                }
            }
        }
        indexQuotesByDocument()
    }

    /// The file's text: a header, then a row per document and a row per quote, LF line ends.
    var csv: String {
        var text = CSV.row(Self.columns, lineEnd: "\n")
        for slug in documents { text += CSV.row(["documents/\(slug)/", slug, "", ""], lineEnd: "\n") }
        for quote in quotes {
            text += CSV.row(["quotes/\(quote.id)/", quote.document, quote.speaker, quote.words], lineEnd: "\n")
        }
        return text
    }

    /// Reads the file's text (as `csv` writes it); problems name the file's line.
    static func parse(_ file: SourceFile) -> (PublishedAddresses, [Diagnostic]) {
        var addresses = PublishedAddresses()
        var diagnostics: [Diagnostic] = []
        let fix = "; sitegen writes this file: restore it with 'git checkout content/\(fileName)'"
        let rows = CSVReader.rows(file.text)
        guard let header = rows.first, header.fields == columns else {
            return (addresses, [Diagnostic(path: file.path, line: 1,
                message: "the first line must be '\(columns.joined(separator: ","))'" + fix)])
        }
        for row in rows.dropFirst() {
            let problem = { (message: String) in diagnostics.append(Diagnostic(path: file.path, line: row.line,
                                                                                message: message + fix)) }
            guard row.fields.count == columns.count else {
                problem("expected \(columns.count) fields, found \(row.fields.count)")
                continue
            }
            let (address, document) = (row.fields[0], row.fields[1])
            guard Slug.isValid(document) else {
                problem("bad document slug '\(document)'")
                continue
            }
            if address == "documents/\(document)/" {
                guard addresses.documentSet.insert(document).inserted else {
                    problem("'\(address)' is listed twice")
                    continue
                }
                addresses.documents.append(document)
            } else if address.hasPrefix("quotes/"), address.hasSuffix("/"),
                      case let id = String(address.dropFirst(7).dropLast()), Slug.isValid(id) {
                guard addresses.quoteIndex[id] == nil else {
                    problem("'\(address)' is listed twice")
                    continue
                }
                addresses.quoteIndex[id] = addresses.quotes.count
                addresses.quotes.append(PublishedQuote(id: id, document: document, speaker: row.fields[2],
                                                       words: row.fields[3]))
            } else {
                problem("'\(address)' is not 'documents/\(document)/' or 'quotes/<id>/'")
            }
        }
        addresses.indexQuotesByDocument()
        return (addresses, diagnostics)
    }

    private mutating func indexQuotesByDocument() {
        quotesOfDocument = [:]
        for (index, quote) in quotes.enumerated() { quotesOfDocument[quote.document, default: []].append(index) }
    }

    /// The words as compared for an exact match: white space collapsed, case folded.
    static func exactWords(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The words alone, case folded, without punctuation.
    private static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    /// How many words two texts share, counting repeats, against their average length: 1 for the
    /// same words, 0 for none in common.
    static func similarity(_ a: [Substring], _ b: [Substring]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var counts: [Substring: Int] = [:]
        for word in a { counts[word, default: 0] += 1 }
        var shared = 0
        for word in b where counts[word, default: 0] > 0 {
            counts[word]! -= 1
            shared += 1
        }
        return Double(2 * shared) / Double(a.count + b.count)
    }
}

/// Splits CSV text (RFC 4180 quoting; lines already end in LF) into rows, each with the line it starts on.
enum CSVReader {
    static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var rowLine = 1
        var bytes = Array(text.utf8).makeIterator()
        var pending: UInt8? = nil
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while let byte = pending ?? bytes.next() {
            pending = nil
            if quoted {
                if byte == 0x22 {
                    let next = bytes.next()
                    if next == 0x22 { field.append(0x22) } else { quoted = false; pending = next }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == 0x22 && field.isEmpty {
                quoted = true
            } else if byte == 0x2C {
                endField()
            } else if byte == 0x0A {
                endField()
                rows.append((rowLine, fields))
                fields.removeAll()
                line += 1
                rowLine = line
            } else {
                field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            endField()
            rows.append((rowLine, fields))
        }
        return rows
    }
}
