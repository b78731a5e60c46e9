import PortalModel

/// The templates' entry point: every route of a portal, and the HTML or text of each.
public enum SitePages {
    /// Every HTML page of the portal, in a stable order (404 not included).
    public static func routes(of portal: Portal) -> [Route] {
        var routes: [Route] = [.home, .timeline, .visits, .documents, .themes, .speakers, .quotes, .search,
                               .accessibility, .privacy, .data]
        routes += portal.visits.map { .visit($0.slug) }
        routes += portal.documents.map { .document($0.slug) }
        routes += portal.themes.map { .theme($0.slug) }
        routes += portal.speakers.map { .speaker($0.slug) }
        routes += portal.quotes.map { .quote($0.id) }
        for list in Pagination.lists(of: portal) { routes += Pagination.routes(of: list, in: portal).dropFirst() }
        return routes
    }

    /// The complete HTML of one page; with `cards`, quote pages name their share cards (`QuoteCard`).
    public static func render(_ route: Route, in portal: Portal, cards: Bool) -> String {
        switch route {
        case .page(let list, let number): render(list, page: number, in: portal, cards: cards)
        default: render(route, page: 1, in: portal, cards: cards)
        }
    }

    private static func render(_ route: Route, page: Int, in portal: Portal, cards: Bool) -> String {
        switch route {
        case .home: HomePage.render(portal)
        case .timeline: TimelinePage.render(portal, page: page)
        case .visits: VisitPages.index(portal, page: page)
        case .visit(let slug): portal.visit(slug).map { VisitPages.page($0, portal, page: page) } ?? NotFoundPage.render(portal)
        case .documents: DocumentPages.index(portal, page: page)
        case .document(let slug): portal.document(slug).map { DocumentPages.page($0, portal) } ?? NotFoundPage.render(portal)
        case .themes: ThemePages.index(portal)
        case .theme(let slug): portal.theme(slug).map { ThemePages.page($0, portal, page: page) } ?? NotFoundPage.render(portal)
        case .speakers: SpeakerPages.index(portal)
        case .speaker(let slug):
            portal.speaker(slug).map { SpeakerPages.page($0, portal, page: page) } ?? NotFoundPage.render(portal)
        case .quotes: QuotePages.index(portal, page: page)
        case .quote(let id): portal.quote(id).map { QuotePages.page($0, portal, cards: cards) } ?? NotFoundPage.render(portal)
        case .search: SearchPage.render(portal)
        case .accessibility: AccessibilityPage.render(portal)
        case .privacy: PrivacyPage.render(portal)
        case .data: DataPage.render(portal)
        case .notFound, .page: NotFoundPage.render(portal)
        }
    }

    /// The other files, by path below the site root: the pages left at old addresses, feed,
    /// sitemap, robots, 404 page, stylesheet, favicon and the open data files.
    public static func rootFiles(of portal: Portal, routes: [Route]) -> [(name: String, contents: String)] {
        portal.redirects.map { (RedirectPage.file($0), RedirectPage.render($0, portal)) } + [
            ("404.html", NotFoundPage.render(portal)),
            ("feed.xml", Feeds.atom(portal)),
            ("sitemap.xml", Feeds.sitemap(portal, routes: routes)),
            ("robots.txt", Feeds.robots(portal)),
            ("style.css", Stylesheet.css),
            ("favicon.svg", Favicon.svg),
            (OpenData.visitsFile, OpenData.visitsCSV(portal)),
            (OpenData.documentsFile, OpenData.documentsCSV(portal)),
            (OpenData.quotesFile, OpenData.quotesCSV(portal)),
            (OpenData.portalFile, OpenData.portalJSON(portal)),
        ]
    }
}
