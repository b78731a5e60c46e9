import PortalModel

/// `visits/` and `visits/<slug>/`.
enum VisitPages {
    static func index(_ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.visits, number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.visits, page: number))
        let main: HTML = """
        <h1>Visits\(page.titleSuffix)</h1>
        <p class="lead">\(Components.counted(portal.visits.count, "Ofsted inspection or visit", plural: "Ofsted inspections and visits")) that the portal's documents describe, oldest first. The documents mention others that are not recorded here.</p>
        <ul class="cards">\(page.slice(portal.visits).html { Components.visitItem($0, context, heading: 2) })</ul>
        \(page.navigation(context, label: "Pages of visits"))
        """
        return Layout.page(context, title: "Visits\(page.titleSuffix)", description: "The Ofsted inspections and visits the portal's documents describe, oldest first.",
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .visits, main: main)
    }

    /// Page `number` shows that page of the visit's documents and quotes; the facts, summary
    /// and graded areas are on page 1.
    static func page(_ visit: Visit, _ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.visit(visit.slug), number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.visit(visit.slug), page: number))
        let allDocuments = portal.documents(ofVisit: visit.slug)
        let allQuotes = portal.quotes(ofVisit: visit.slug)
        let documents = page.slice(allDocuments)
        let quotes = page.slice(allQuotes)
        var facts: [HTML] = [
            "<dt>Kind</dt><dd>\(visit.kind.title)</dd>",
            "<dt>\(visit.end == visit.start ? "Date" : "Dates")</dt><dd>\(Components.dateRange(visit.start, visit.end))</dd>",
        ]
        if let published = visit.published { facts.append("<dt>Published</dt><dd>\(Components.date(published))</dd>") }
        if let judgement = visit.judgement { facts.append("<dt>Overall judgement</dt><dd>\(Components.badge(judgement))</dd>") }
        if !visit.inspectors.isEmpty {
            facts.append("<dt>Inspectors</dt><dd>\(visit.inspectors.joined(separator: ", "))</dd>")
        }
        if let report = visit.reportURL {
            facts.append("<dt>Report</dt><dd><a href=\"\(report)\" rel=\"external\">\(reportLinkText(report))</a></dd>")
        }
        let areas: HTML = visit.judgements.isEmpty ? .empty : """
            <section aria-labelledby="areas"><h2 id="areas">Graded areas</h2>
            <table><thead><tr><th scope="col">Area</th><th scope="col">Grade</th></tr></thead>
            <tbody>\(visit.judgements.html { "<tr><td>\($0.area)</td><td>\(Components.badge($0.grade))</td></tr>" })</tbody></table>
            </section>
            """
        let about: HTML = number > 1 ? .empty : """
            <dl class="facts">\(facts)</dl>
            <section aria-labelledby="summary"><h2 id="summary">Summary</h2>
            <div class="prose">\(HTML(trusted: visit.summaryHTML))</div></section>
            \(areas)
            """
        let main: HTML = """
        <article>
        <h1>\(visit.title)\(page.titleSuffix)</h1>
        \(about)\
        \(documents.isEmpty && number > 1 ? .empty : """
            <section aria-labelledby="documents"><h2 id="documents">Documents about this visit (\(allDocuments.count))</h2>
            \(documents.isEmpty ? "<p>No documents yet.</p>" : "<ul class=\"cards\">\(documents.html { Components.documentItem($0, context) })</ul>" as HTML)
            </section>
            """ as HTML)
        \(quotes.isEmpty ? .empty : """
            <section aria-labelledby="quotes"><h2 id="quotes">Quotes about this visit (\(allQuotes.count))</h2>
            <ul class="cards">\(quotes.html { Components.quoteItem($0, context) })</ul></section>
            """ as HTML)
        \(page.navigation(context, label: "Pages of this visit’s documents and quotes"))
        </article>
        """
        return Layout.page(context, title: "\(visit.title)\(page.titleSuffix)",
                           description: "\(visit.kind.title), \(visit.start.longText)"
                               + (visit.judgement.map { ": judged \($0.title.lowercased())" } ?? "."),
                           crumbs: [Crumb(title: "Visits", route: .visits)] + (number > 1 ? [Crumb(title: visit.title, route: .visit(visit.slug))] : []),
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .visits, main: main)
    }

    /// "Read the report on Ofsted’s website" when the address is Ofsted's, else names the host.
    static func reportLinkText(_ url: String) -> String {
        let host = PageContext.host(of: url)
        let ofsted = host == "ofsted.gov.uk" || host.hasSuffix(".ofsted.gov.uk")
        return ofsted ? "Read the report on Ofsted’s website" : "Read the report on \(host)"
    }
}
