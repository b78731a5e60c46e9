/// What sort of document a document is.
public enum DocumentKind: String, CaseIterable, Sendable {
    case pressRelease = "press-release"
    case ofstedLetter = "ofsted-letter"
    case article
    case report

    /// "Press release".
    public var title: String {
        switch self {
        case .pressRelease: "Press release"
        case .ofstedLetter: "Ofsted letter"
        case .article: "Article"
        case .report: "Report"
        }
    }
}

/// A piece of a document's rendered body: cmark's HTML, or the place where a quote stands.
public enum BodySegment: Sendable, Equatable {
    case html(String)
    /// The quote with this index in `Document.quotes`.
    case quote(Int)
}

/// A press release, Ofsted letter, article or report, from `content/documents/<slug>.md`.
public struct Document: Sendable {
    public let slug: String
    public let title: String
    public let date: Day
    public let kind: DocumentKind
    public let publisher: String?
    public let visitSlug: String?
    public let themeSlugs: [String]
    public let sourceURL: String?
    /// Plain text: the front matter's `summary`, or the body's first paragraph.
    public let summary: String
    public let draft: Bool
    /// Who holds the rights to the text, as the page shows it: `rights`, else "© <publisher>".
    public let rights: String?
    /// When the document was last changed after it was first published, and what changed.
    public let updated: Day?
    public let updateNote: String?
    /// Earlier slugs: each old address leads to this document's page.
    public let aliases: [String]
    /// The body in reading order, with its quotes as placeholders.
    public let body: [BodySegment]
    /// The document's quotes in reading order.
    public let quotes: [Quote]

    public init(slug: String, title: String, date: Day, kind: DocumentKind, publisher: String?, visitSlug: String?,
                themeSlugs: [String], sourceURL: String?, summary: String, draft: Bool,
                rights: String? = nil, updated: Day? = nil, updateNote: String? = nil, aliases: [String] = [],
                body: [BodySegment], quotes: [Quote]) {
        self.slug = slug
        self.title = title
        self.date = date
        self.kind = kind
        self.publisher = publisher
        self.visitSlug = visitSlug
        self.themeSlugs = themeSlugs
        self.sourceURL = sourceURL
        self.summary = summary
        self.draft = draft
        self.rights = rights ?? publisher.map { "© \($0)" }
        self.updated = updated
        self.updateNote = updateNote
        self.aliases = aliases
        self.body = body
        self.quotes = quotes
    }
}

/// A block quote with an attribution, on its own page at `quotes/<id>/`.
public struct Quote: Sendable {
    /// The attribution's `#id`, else `<document-slug>-<n>`, n counting from 1 in reading order.
    public let id: String
    public let number: Int
    public let documentSlug: String
    public let speakerSlug: String
    /// The role as the attribution gives it, else the speaker's default role.
    public let role: String?
    /// The quote's paragraphs, rendered by cmark, without the attribution.
    public let html: String
    /// The quote as plain text, for previews and share cards.
    public let text: String
    public let date: Day
    public let visitSlug: String?
    /// The attribution's `themes=`, else the document's.
    public let themeSlugs: [String]
    /// Offered by the editor for the home page (`featured` in the attribution's braces).
    public let featured: Bool

    public init(id: String, number: Int, documentSlug: String, speakerSlug: String, role: String?, html: String,
                text: String, date: Day, visitSlug: String?, themeSlugs: [String], featured: Bool = false) {
        self.id = id
        self.number = number
        self.documentSlug = documentSlug
        self.speakerSlug = speakerSlug
        self.role = role
        self.html = html
        self.text = text
        self.date = date
        self.visitSlug = visitSlug
        self.themeSlugs = themeSlugs
        self.featured = featured
    }

    /// True when the words read as a whole sentence: a capital (or opening quotation mark)
    /// first and a full stop, question or exclamation mark last, not a fragment of one.
    public var isWholeSentence: Bool {
        let opening: Set<Character> = ["\"", "“", "‘", "'"]
        let closing: Set<Character> = ["\"", "”", "’", "'", ")"]
        var words = Substring(text)
        while let first = words.first, opening.contains(first) { words = words.dropFirst() }
        while let last = words.last, closing.contains(last) { words = words.dropLast() }
        guard let first = words.first, let last = words.last else { return false }
        return first.isUppercase && [".", "!", "?"].contains(last)
    }
}
