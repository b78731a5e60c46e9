import PortalModel

/// `documents/` and `documents/<slug>/`.
enum DocumentPages {
    static func index(_ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.documents, number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.documents, page: number))
        let main: HTML = """
        <h1>Documents\(page.titleSuffix)</h1>
        <p class="lead">\(Components.counted(portal.documents.count, "press release, letter and article", plural: "press releases, letters and articles")), newest first.</p>
        <ul class="cards">\(page.slice(portal.documents.reversed()).html { Components.documentItem($0, context, heading: 2) })</ul>
        \(page.navigation(context, label: "Pages of documents"))
        """
        return Layout.page(context, title: "Documents\(page.titleSuffix)", description: "Press releases, Ofsted letters and articles, newest first.",
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .documents, main: main)
    }

    static func page(_ document: Document, _ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .document(document.slug))
        let visit = document.visitSlug.flatMap(portal.visit)
        var facts: [HTML] = [
            "<dt>Published</dt><dd>\(Components.date(document.date))</dd>",
            "<dt>Kind</dt><dd data-pagefind-filter=\"kind\">\(document.kind.title)</dd>",
        ]
        if let publisher = document.publisher { facts.append("<dt>Publisher</dt><dd>\(publisher)</dd>") }
        if let visit {
            facts.append("<dt>Visit</dt><dd><a href=\"\(context.href(.visit(visit.slug)))\" data-pagefind-filter=\"visit\">\(visit.title)</a></dd>")
        }
        if !document.themeSlugs.isEmpty {
            facts.append("<dt>Themes</dt><dd>\(Components.themeLinks(document.themeSlugs, context))</dd>")
        }
        if let source = document.sourceURL {
            facts.append("<dt>Source</dt><dd><a href=\"\(source)\">The original document</a></dd>")
        }
        if let rights = document.rights {
            let licence: HTML = portal.site.licence.map { " (the \($0.title) covers the portal’s own text, not this document)" } ?? .empty
            facts.append("<dt>Rights</dt><dd>\(rights)\(licence)</dd>")
        }
        let body = document.body.html { segment -> HTML in
            switch segment {
            case .html(let html): HTML(trusted: html)
            case .quote(let index): Components.quoteCard(document.quotes[index], context)
            }
        }
        let main: HTML = """
        <article data-pagefind-body>
        <h1>\(document.title)</h1>
        \(document.draft ? "<p class=\"draft\"><strong>Draft:</strong> not published yet.</p>" : .empty)
        <dl class="facts">\(facts)</dl>
        \(document.updated.map { lastUpdated($0, note: document.updateNote) })\
        <div class="prose">
        \(body)
        </div>
        </article>
        """
        return Layout.page(context, title: document.title, description: Components.excerpt(document.summary, limit: 300),
                           crumbs: [Crumb(title: "Documents", route: .documents)], section: .documents,
                           card: ShareCard(title: document.title, description: Components.excerpt(document.summary, limit: 300), type: "article"),
                           structuredData: StructuredData.document(document, portal.site), main: main)
    }

    /// "Last updated 1 June 2021: what changed".
    private static func lastUpdated(_ day: Day, note: String?) -> HTML {
        "<p class=\"updated\">Last updated \(Components.date(day))\(note.map { ": \($0)" as HTML })</p>\n"
    }
}
