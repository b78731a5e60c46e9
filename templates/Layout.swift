import PortalModel

/// One crumb of a page's breadcrumb trail.
struct Crumb {
    let title: String
    let route: Route
}

/// Extra `<meta>` for share cards on pages worth sharing.
struct ShareCard {
    let title: String
    let description: String
    let type: String
    /// The card's picture, when the build draws one: its file below the site root, and its text.
    var image: (file: String, alt: String)? = nil
}

/// What a page left at an old address (`RedirectPage`) says in its head.
struct OldAddress {
    /// The page that took its place, if one did.
    let movedTo: Route?
}

/// The shared frame of every page: head, skip link, header, breadcrumbs, main, footer.
enum Layout {
    static let sections: [(title: String, route: Route)] = [
        ("Timeline", .timeline), ("Visits", .visits), ("Documents", .documents),
        ("Themes", .themes), ("Speakers", .speakers), ("Quotes", .quotes), ("Search", .search),
    ]

    /// - Parameters:
    ///   - structuredData: the page's JSON-LD, written into the head.
    ///   - oldAddress: for a page left at an old address, search engines skip it; one that moved
    ///     sends the browser to the new page at once (`meta http-equiv="refresh"`), which the
    ///     canonical link names.
    static func page(
        _ context: PageContext, title: String, description: String?, crumbs: [Crumb] = [], crumbTitle: String? = nil,
        section: Route? = nil, card: ShareCard? = nil, structuredData: JSON? = nil, oldAddress: OldAddress? = nil, main: HTML
    ) -> String {
        let site = context.site
        let fullTitle = context.route == .home ? site.title : "\(title) – \(site.title)"
        let summary = description ?? site.description
        let navigation = sections.html { item -> HTML in
            let current: HTML = item.route == section ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(context.href(item.route))\"\(current)>\(item.title)</a></li>"
        }
        let page: HTML = """
        <!DOCTYPE html>
        <html lang="\(site.language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(fullTitle)</title>
        \(summary.map { "<meta name=\"description\" content=\"\($0)\">\n" as HTML })\
        \(oldAddress.map { oldAddressMeta($0, context) })\
        <link rel="canonical" href="\(oldAddress?.movedTo.map { context.site.baseURL + $0.folder } ?? context.canonicalURL)">
        <link rel="stylesheet" href="\(context.file("style.css"))">
        <link rel="icon" href="\(context.file("favicon.svg"))" type="image/svg+xml">
        <link rel="alternate" type="application/atom+xml" title="\(site.title)" href="\(context.file("feed.xml"))">
        \(card.map { shareMeta($0, context) })\
        \(structuredData.map { "<script type=\"application/ld+json\">\(HTML(trusted: $0.text))</script>\n" as HTML })\
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header"><div class="wrap">\
        <a class="site-title" href="\(context.href(.home))">\(site.title)</a>
        <nav class="site-nav" aria-label="Main"><ul>\(navigation)</ul></nav></div></header>
        \(breadcrumbs(crumbs, current: crumbTitle ?? title, context))\
        <main id="main" class="wrap" tabindex="-1">
        \(main)
        </main>
        <footer class="site-footer"><div class="wrap">\
        <p>\(site.publisher ?? site.title) · <a href="\(context.file("feed.xml"))">Atom feed of new documents</a> · \
        <a href="\(context.href(.timeline))">Full timeline</a></p>
        <ul class="footer-links">\
        <li><a href="\(context.href(.accessibility))">Accessibility statement</a></li>\
        <li><a href="\(context.href(.privacy))">Privacy</a></li>\
        <li><a href="\(context.href(.data))">Open data</a></li></ul>
        \(licence(site))</div></footer>
        </body>
        </html>

        """
        return page.string
    }

    private static func oldAddressMeta(_ address: OldAddress, _ context: PageContext) -> HTML {
        let refresh: HTML = address.movedTo.map {
            "<meta http-equiv=\"refresh\" content=\"0; url=\(context.href($0))\">\n"
        } ?? .empty
        return "\(refresh)<meta name=\"robots\" content=\"noindex\">\n"
    }

    /// The licence of the portal's own text, which does not cover the documents it quotes.
    private static func licence(_ site: Site) -> HTML {
        guard let licence = site.licence else { return .empty }
        return """
        <p>The portal’s own text is available under the <a href="\(licence.url)" rel="license">\(licence.title)</a>, \
        except where otherwise stated. Documents and the words quoted from them belong to their rights holders, \
        named on each document’s page.</p>

        """
    }

    private static func breadcrumbs(_ crumbs: [Crumb], current: String, _ context: PageContext) -> HTML {
        guard context.route != .home else { return .empty }
        let trail = ([Crumb(title: "Home", route: .home)] + crumbs).html { crumb in
            "<li><a href=\"\(context.href(crumb.route))\">\(crumb.title)</a></li>"
        }
        return """
        <nav class="breadcrumbs wrap" aria-label="Breadcrumb"><ol>\(trail)<li><span aria-current="page">\(current)</span></li></ol></nav>

        """
    }

    private static func shareMeta(_ card: ShareCard, _ context: PageContext) -> HTML {
        """
        <meta property="og:type" content="\(card.type)">
        <meta property="og:site_name" content="\(context.site.title)">
        <meta property="og:title" content="\(card.title)">
        <meta property="og:description" content="\(card.description)">
        <meta property="og:url" content="\(context.canonicalURL)">
        <meta property="og:locale" content="\(String(context.site.language.map { $0 == "-" ? "_" : $0 }))">
        \(card.image.map { imageMeta($0, context) })\
        <meta name="twitter:card" content="\(card.image == nil ? "summary" : "summary_large_image")">

        """
    }

    private static func imageMeta(_ image: (file: String, alt: String), _ context: PageContext) -> HTML {
        """
        <meta property="og:image" content="\(context.site.baseURL + image.file)">
        <meta property="og:image:type" content="image/png">
        <meta property="og:image:width" content="\(QuoteCard.width)">
        <meta property="og:image:height" content="\(QuoteCard.height)">
        <meta property="og:image:alt" content="\(image.alt)">

        """
    }
}
