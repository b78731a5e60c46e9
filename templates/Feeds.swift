import PortalModel

/// The machine-readable files: Atom feed, sitemap and robots.txt.
enum Feeds {
    /// The newest documents, at most this many, go into the feed.
    static let feedLength = 50

    /// An Atom feed of documents; `updated` is the newest date or update of any document, so
    /// output is deterministic.
    static func atom(_ portal: Portal) -> String {
        let site = portal.site
        let documents = portal.documents.suffix(feedLength).reversed()
        let updated = portal.documents.map(lastChanged).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        let entries = documents.html { entry($0, site) }
        let feed: HTML = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.language)">
        <title>\(site.title)</title>
        \(site.description.map { "<subtitle>\($0)</subtitle>\n" as HTML })\
        <link rel="self" type="application/atom+xml" href="\(site.baseURL)feed.xml"/>
        <link rel="alternate" type="text/html" href="\(site.baseURL)"/>
        <id>\(site.baseURL)</id>
        <updated>\(updated)</updated>
        <author><name>\(site.publisher ?? site.title)</name></author>
        \(entries)</feed>

        """
        return feed.string
    }

    /// A document's entry in the feed.
    static func entry(_ document: Document, _ site: Site) -> HTML {
        let url = site.baseURL + Route.document(document.slug).folder
        return """
        <entry>
        <title>\(document.title)</title>
        <link rel="alternate" type="text/html" href="\(url)"/>
        <id>\(url)</id>
        <published>\(timestamp(document.date))</published>
        <updated>\(timestamp(lastChanged(document)))</updated>
        <author><name>\(document.publisher ?? site.publisher ?? site.title)</name></author>
        <summary>\(document.summary)</summary>
        </entry>

        """
    }

    /// Every page's absolute address; a document's page with the day it last changed.
    static func sitemap(_ portal: Portal, routes: [Route]) -> String {
        let urls = routes.html { route -> HTML in
            var lastModified: HTML = .empty
            if case .document(let slug) = route, let document = portal.document(slug) {
                lastModified = "<lastmod>\(lastChanged(document).firstDay)</lastmod>"
            }
            return "<url><loc>\(portal.site.baseURL + route.folder)</loc>\(lastModified)</url>\n"
        }
        let map: HTML = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(urls)</urlset>

        """
        return map.string
    }

    static func robots(_ portal: Portal) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(portal.site.baseURL)sitemap.xml\n"
    }

    private static func timestamp(_ day: Day) -> String { "\(day.firstDay)T00:00:00Z" }

    /// When the document last changed: its update, else its date.
    private static func lastChanged(_ document: Document) -> Day { document.updated ?? document.date }
}
