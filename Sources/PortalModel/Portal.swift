/// The whole portal, resolved and cross-linked: what the templates render.
///
/// Every list is sorted once here, so pages never sort: visits by start date,
/// documents and quotes by date (ties broken by slug, then reading order),
/// speakers by name and themes by title.
public struct Portal: Sendable {
    public let site: Site
    /// Oldest first.
    public let visits: [Visit]
    /// Oldest first; drafts only when the build asked for them.
    public let documents: [Document]
    /// Oldest first, in reading order within a document.
    public let quotes: [Quote]
    public let speakers: [Speaker]
    public let themes: [Theme]
    /// Old addresses and where they lead now, ordered by old address.
    public let redirects: [Redirect]

    private let visitIndex: [String: Int]
    private let documentIndex: [String: Int]
    private let speakerIndex: [String: Int]
    private let themeIndex: [String: Int]
    private let quoteIndex: [String: Int]
    private let documentsOfVisit: [String: [Int]]
    private let documentsOfTheme: [String: [Int]]
    private let quotesOfSpeaker: [String: [Int]]
    private let quotesOfTheme: [String: [Int]]
    private let quotesOfVisit: [String: [Int]]

    public init(site: Site, visits: [Visit], documents: [Document], speakers: [Speaker], themes: [Theme],
                redirects: [Redirect] = []) {
        self.site = site
        self.redirects = redirects
        self.visits = visits.sorted { ($0.start, $0.slug) < ($1.start, $1.slug) }
        self.documents = documents.sorted { ($0.date, $0.slug) < ($1.date, $1.slug) }
        self.quotes = self.documents.flatMap(\.quotes)
        self.speakers = speakers.sorted { ($0.name, $0.slug) < ($1.name, $1.slug) }
        self.themes = themes.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }

        visitIndex = Portal.index(self.visits.map(\.slug))
        documentIndex = Portal.index(self.documents.map(\.slug))
        speakerIndex = Portal.index(self.speakers.map(\.slug))
        themeIndex = Portal.index(self.themes.map(\.slug))
        quoteIndex = Portal.index(self.quotes.map(\.id))

        var documentsOfVisit: [String: [Int]] = [:]
        var documentsOfTheme: [String: [Int]] = [:]
        for (index, document) in self.documents.enumerated() {
            if let visit = document.visitSlug { documentsOfVisit[visit, default: []].append(index) }
            for theme in document.themeSlugs { documentsOfTheme[theme, default: []].append(index) }
        }
        var quotesOfSpeaker: [String: [Int]] = [:]
        var quotesOfTheme: [String: [Int]] = [:]
        var quotesOfVisit: [String: [Int]] = [:]
        for (index, quote) in self.quotes.enumerated() {
            quotesOfSpeaker[quote.speakerSlug, default: []].append(index)
            if let visit = quote.visitSlug { quotesOfVisit[visit, default: []].append(index) }
            for theme in quote.themeSlugs { quotesOfTheme[theme, default: []].append(index) }
        }
        self.documentsOfVisit = documentsOfVisit
        self.documentsOfTheme = documentsOfTheme
        self.quotesOfSpeaker = quotesOfSpeaker
        self.quotesOfTheme = quotesOfTheme
        self.quotesOfVisit = quotesOfVisit
    }

    private static func index(_ keys: [String]) -> [String: Int] {
        Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func visit(_ slug: String) -> Visit? { visitIndex[slug].map { visits[$0] } }
    public func document(_ slug: String) -> Document? { documentIndex[slug].map { documents[$0] } }
    public func speaker(_ slug: String) -> Speaker? { speakerIndex[slug].map { speakers[$0] } }
    public func theme(_ slug: String) -> Theme? { themeIndex[slug].map { themes[$0] } }
    public func quote(_ id: String) -> Quote? { quoteIndex[id].map { quotes[$0] } }

    /// The visit's documents, oldest first.
    public func documents(ofVisit slug: String) -> [Document] { (documentsOfVisit[slug] ?? []).map { documents[$0] } }
    /// The theme's documents, oldest first.
    public func documents(ofTheme slug: String) -> [Document] { (documentsOfTheme[slug] ?? []).map { documents[$0] } }
    /// The speaker's quotes, oldest first.
    public func quotes(ofSpeaker slug: String) -> [Quote] { (quotesOfSpeaker[slug] ?? []).map { quotes[$0] } }
    /// The theme's quotes, oldest first.
    public func quotes(ofTheme slug: String) -> [Quote] { (quotesOfTheme[slug] ?? []).map { quotes[$0] } }
    /// The quotes from the visit's documents, oldest first.
    public func quotes(ofVisit slug: String) -> [Quote] { (quotesOfVisit[slug] ?? []).map { quotes[$0] } }

    /// The quote's document when it carries the speaker's words at second hand: its publisher is
    /// not the speaker's organisation (or the speaker has none). Nil when the document names no publisher.
    public func secondHandSource(of quote: Quote) -> Document? {
        guard let document = document(quote.documentSlug), let publisher = document.publisher else { return nil }
        return speaker(quote.speakerSlug)?.belongs(to: publisher) == true ? nil : document
    }

    /// The home page's featured quote: see `Portal.featured(among:)`.
    public var featuredQuote: Quote? { Portal.featured(inOrder: quotes) }

    /// The newest quote an editor marked `featured`; without one, the newest quote that is a
    /// whole sentence; without one, nil. "Newest" goes by document date, then slug, then reading order.
    public static func featured(among documents: some Collection<Document>) -> Quote? {
        featured(inOrder: documents.sorted { ($0.date, $0.slug) < ($1.date, $1.slug) }.flatMap(\.quotes))
    }

    private static func featured(inOrder quotes: [Quote]) -> Quote? {
        quotes.last(where: \.featured) ?? quotes.last(where: \.isWholeSentence)
    }

    /// Visits with an overall judgement, oldest first: the journey the home page charts.
    public var judgedVisits: [Visit] { visits.filter { $0.judgement != nil } }
}
