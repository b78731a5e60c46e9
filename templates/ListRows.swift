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

    /// Every list that can show `document` (whose themes the model lists once each); `portal`
    /// must hold it and the speakers of its quotes.
    public static func listings(of document: Document, in portal: Portal) -> [Listing] {
        func page(_ route: Route, _ rows: (PageContext) -> [HTML]) -> Listing {
            Listing(file: route.file, rows: rows(PageContext(portal: portal, route: route)).map(\.string), shownBy: nil)
        }
        let home = PageContext(portal: portal, route: .home)
        let url = portal.site.baseURL + Route.document(document.slug).folder
        func quoteItems(_ quotes: [Quote], _ context: PageContext) -> [HTML] {
            quotes.map { Components.quoteItem($0, context) }
        }
        var listings = [
            page(.documents) { [Components.documentItem(document, $0, heading: 2)] },
            page(.timeline) { [TimelinePage.documentItem(document, $0)] },
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
        }
        if !document.quotes.isEmpty {
            listings.append(page(.quotes) { quoteItems(document.quotes, $0) })
        }
        if let visit = document.visitSlug {
            listings.append(page(.visit(visit)) { [Components.documentItem(document, $0)] + quoteItems(document.quotes, $0) })
        }
        // A theme page lists the document by its themes and each quote by the quote's own.
        for theme in Slug.uniqued(document.themeSlugs + document.quotes.flatMap(\.themeSlugs)) {
            listings.append(page(.theme(theme)) {
                (document.themeSlugs.contains(theme) ? [Components.documentItem(document, $0)] : [])
                    + quoteItems(document.quotes.filter { $0.themeSlugs.contains(theme) }, $0)
            })
        }
        for speaker in Slug.uniqued(document.quotes.map(\.speakerSlug)) {
            listings.append(page(.speaker(speaker)) { quoteItems(document.quotes.filter { $0.speakerSlug == speaker }, $0) })
        }
        return listings
    }
}
