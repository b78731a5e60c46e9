import PortalModel

/// The portal's home: where services stand now, the journey, latest documents, a featured quote.
enum HomePage {
    static func render(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .home)
        let site = portal.site
        let latest = Array(portal.documents.suffix(5).reversed())
        let featured = portal.featuredQuote
        let main: HTML = """
        <h1>\(heading(portal))</h1>
        \(site.description.map { "<p class=\"lead\">\($0)</p>" as HTML })
        \(strip(portal, context))
        \(standing(portal, context))
        <section aria-labelledby="journey"><h2 id="journey">The journey so far</h2>
        \(JourneyChart.render(portal.visits, context))
        </section>
        <section aria-labelledby="latest"><h2 id="latest">Latest documents</h2>
        \(latest.isEmpty ? "<p>No documents yet.</p>" : "<ul class=\"cards\">\(latest.html { Components.documentItem($0, context) })</ul>" as HTML)
        <p><a href="\(context.href(.documents))">All \(Components.counted(portal.documents.count, "document"))</a></p>
        </section>
        \(featured.map { quote in
            """
            <section aria-labelledby="featured"><h2 id="featured">Featured quote</h2>
            \(Components.quoteCard(quote, context))
            </section>
            """ as HTML
        })
        <section aria-labelledby="explore"><h2 id="explore">Explore the portal</h2>
        <ul class="explore">
        <li><a href="\(context.href(.timeline))">Timeline</a>: the visits the documents describe and every document, oldest first</li>
        <li><a href="\(context.href(.visits))">Visits</a>: \(Components.counted(portal.visits.count, "Ofsted visit"))</li>
        <li><a href="\(context.href(.documents))">Documents</a>: \(Components.counted(portal.documents.count, "document"))</li>
        <li><a href="\(context.href(.themes))">Themes</a>: \(Components.counted(portal.themes.count, "theme"))</li>
        <li><a href="\(context.href(.speakers))">Speakers</a>: \(Components.counted(portal.speakers.count, "person", plural: "people"))</li>
        <li><a href="\(context.href(.quotes))">Quotes</a>: \(Components.counted(portal.quotes.count, "quote"))</li>
        </ul></section>
        """
        return Layout.page(context, title: site.title, description: site.description, main: main)
    }

    /// The journey in words, "From inadequate to outstanding", or the site's title before any judgement.
    private static func heading(_ portal: Portal) -> String {
        let judged = portal.judgedVisits
        guard let first = judged.first?.judgement, let last = judged.last?.judgement, judged.count > 1 else {
            return portal.site.title
        }
        return first == last ? "\(first.title) at every judged inspection"
            : "From \(first.title.lowercased()) to \(last.title.lowercased())"
    }

    /// Each overall judgement with its year, oldest first: the journey at a glance.
    private static func strip(_ portal: Portal, _ context: PageContext) -> HTML {
        let judged = portal.judgedVisits
        guard !judged.isEmpty else { return .empty }
        let items = judged.html { visit -> HTML in
            "<li><a href=\"\(context.href(.visit(visit.slug)))\">\(Components.month(visit.start))</a> \(Components.badge(visit.judgement!))</li>"
        }
        return "<ol class=\"journey-strip\" aria-label=\"Overall judgements, oldest first\">\(items)</ol>"
    }

    /// The latest overall judgement, its date and visit.
    private static func standing(_ portal: Portal, _ context: PageContext) -> HTML {
        guard let visit = portal.judgedVisits.last, let judgement = visit.judgement else { return .empty }
        let areas: HTML = visit.judgements.isEmpty ? .empty : """
            <ul class="areas">\(visit.judgements.html { "<li>\($0.area): \(Components.badge($0.grade))</li>" })</ul>
            """
        return """
        <section class="standing" aria-labelledby="standing"><h2 id="standing">Where services stand now</h2>
        <p class="standing-judgement">\(Components.badge(judgement))</p>
        <p>Judged <strong>\(judgement.title.lowercased())</strong> overall at the \
        <a href="\(context.href(.visit(visit.slug)))">\(visit.title)</a>\(dateUnlessInTitle(visit)).</p>
        \(areas)
        </section>
        """
    }

    /// ", March 2025", unless the visit's title already says when it was.
    private static func dateUnlessInTitle(_ visit: Visit) -> HTML {
        let day = visit.published ?? visit.start
        return visit.title.contains(day.monthText) ? .empty : ", \(Components.month(day))"
    }
}
