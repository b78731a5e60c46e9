import PortalModel

/// What each list page shows of one document, row by row, rendered exactly as that page
/// renders it. A rebuild after an edit that keeps a document's place in every list (same
/// date, kind, visit, themes and quote speakers) replaces these rows in the published list
/// pages instead of rendering those pages whole.
public enum ListRows {
    /// The rows one page or file shows of a document.
    public struct Listing: Sendable {
        /// The file below the site root.
        public let file: String
        public let rows: [String]
        /// Where the page shows the document only while it is among the newest (home page,
        /// feed): text the page holds exactly when it shows the document. Nil: always shown.
        public let shownBy: String?
    }

    /// Every list page that can show `document` (whose themes the model lists once each), with
    /// its rows on that page; `portal` must hold it and the speakers of its quotes.
    public static func listings(of document: Document, in portal: Portal) -> [Listing] {
        let size = portal.site.pageSize
        var listings: [Listing] = []
        /// `rows`: where each row stands in `list` (from 0, in the order the list shows) and how it renders.
        func add(_ list: Route, _ rows: [(index: Int, render: (PageContext) -> HTML)]) {
            var pages: [Int: [(PageContext) -> HTML]] = [:]
            for row in rows { pages[Pagination.page(ofIndex: row.index, size: size), default: []].append(row.render) }
            for (page, renders) in pages.sorted(by: { $0.key < $1.key }) {
                let route = Pagination.route(list, page: page)
                let context = PageContext(portal: portal, route: route)
                listings.append(Listing(file: route.file, rows: renders.map { $0(context).string }, shownBy: nil))
            }
        }
        /// Where `document` and each of `quotes` stand in lists of `documents` and `quotes`.
        func places(in documents: [Document], _ quotes: [Quote], newestFirst: Bool)
            -> (document: Int?, quotes: [(Quote, Int)]) {
            let place = { (index: Int, count: Int) in newestFirst ? count - 1 - index : index }
            let documentIndex = documents.firstIndex { $0.slug == document.slug }.map { place($0, documents.count) }
            let quoteIndexes = quotes.enumerated().filter { $0.element.documentSlug == document.slug }
                .map { ($0.element, place($0.offset, quotes.count)) }
            return (documentIndex, quoteIndexes)
        }
        let home = PageContext(portal: portal, route: .home)
        let url = portal.site.baseURL + Route.document(document.slug).folder
        let all = places(in: portal.documents, document.quotes.isEmpty ? [] : portal.quotes, newestFirst: true)
        add(.documents, all.document.map { [($0, { Components.documentItem(document, $0, heading: 2) })] } ?? [])
        let timelinePage = TimelinePage.page(of: document, in: portal)
        add(.timeline, [((timelinePage - 1) * size, { TimelinePage.documentItem(document, $0) })])
        listings += [
            Listing(file: Route.home.file, rows: [Components.documentItem(document, home).string],
                    shownBy: "href=\"\(home.href(.document(document.slug)))\""),
            Listing(file: "feed.xml", rows: [Feeds.entry(document, portal.site).string], shownBy: "<id>\(url)</id>"),
            Listing(file: OpenData.documentsFile, rows: [OpenData.documentRow(document, portal.site)], shownBy: nil),
            Listing(file: OpenData.portalFile,
                    rows: [OpenData.documentJSON(document, portal.site)] + document.quotes.map { OpenData.quoteJSON($0, portal.site) },
                    shownBy: nil),
        ]
        if !document.quotes.isEmpty {
            listings.append(Listing(file: OpenData.quotesFile, rows: document.quotes.map { OpenData.quoteRow($0, portal) },
                                    shownBy: nil))
            add(.quotes, all.quotes.map { quote, index in (index, { Components.quoteItem(quote, $0) }) })
        }
        if let visit = document.visitSlug {
            let shown = places(in: portal.documents(ofVisit: visit), portal.quotes(ofVisit: visit), newestFirst: false)
            add(.visit(visit), (shown.document.map { [($0, { Components.documentItem(document, $0) })] } ?? [])
                + shown.quotes.map { quote, index in (index, { Components.quoteItem(quote, $0) }) })
        }
        for theme in Slug.uniqued(document.themeSlugs + document.quotes.flatMap(\.themeSlugs)) {
            let shown = places(in: portal.documents(ofTheme: theme), portal.quotes(ofTheme: theme), newestFirst: true)
            add(.theme(theme), (shown.document.map { [($0, { Components.documentItem(document, $0) })] } ?? [])
                + shown.quotes.map { quote, index in (index, { Components.quoteItem(quote, $0) }) })
        }
        for speaker in Slug.uniqued(document.quotes.map(\.speakerSlug)) {
            let shown = places(in: [], portal.quotes(ofSpeaker: speaker), newestFirst: true)
            add(.speaker(speaker), shown.quotes.map { quote, index in (index, { Components.wholeQuoteItem(quote, $0) }) })
        }
        return listings
    }
}
