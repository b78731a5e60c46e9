import PortalModel

/// `themes/` and `themes/<slug>/`.
enum ThemePages {
    static func index(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .themes)
        let items = portal.themes.html { theme -> HTML in
            let documents = portal.documents(ofTheme: theme.slug).count
            let quotes = portal.quotes(ofTheme: theme.slug).count
            return """
            <li class="card"><h2 class="card-title"><a href="\(context.href(.theme(theme.slug)))">\(theme.title)</a></h2>\
            \(theme.description.map { "<p>\($0)</p>" as HTML })\
            <p class="meta">\(Components.counted(documents, "document")) · \(Components.counted(quotes, "quote"))</p></li>
            """
        }
        let main: HTML = """
        <h1>Themes</h1>
        <p class="lead">\(Components.counted(portal.themes.count, "theme")) that the documents and quotes are grouped by.</p>
        <ul class="cards">\(items)</ul>
        """
        return Layout.page(context, title: "Themes", description: "The themes that documents and quotes are grouped by.",
                           section: .themes, main: main)
    }

    /// Page `number` shows that page of the theme's documents and of its quotes, newest first.
    static func page(_ theme: Theme, _ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.theme(theme.slug), number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.theme(theme.slug), page: number))
        let allDocuments = portal.documents(ofTheme: theme.slug)
        let allQuotes = portal.quotes(ofTheme: theme.slug)
        let documents = page.slice(allDocuments.reversed())
        let quotes = page.slice(allQuotes.reversed())
        func section(_ id: String, _ title: String, count: Int, empty: String, items: [HTML]) -> HTML {
            guard !items.isEmpty || number == 1 else { return .empty }
            return """
            <section aria-labelledby="\(id)"><h2 id="\(id)">\(title) (\(count))</h2>
            \(items.isEmpty ? "<p>\(empty)</p>" : "<ul class=\"cards\">\(items)</ul>" as HTML)
            </section>

            """
        }
        let main: HTML = """
        <h1>\(theme.title)\(page.titleSuffix)</h1>
        \(theme.description.map { "<p class=\"lead\">\($0)</p>" as HTML })
        \(section("documents", "Documents", count: allDocuments.count, empty: "No documents yet.",
                  items: documents.map { Components.documentItem($0, context) }))\
        \(section("quotes", "Quotes", count: allQuotes.count, empty: "No quotes yet.",
                  items: quotes.map { Components.quoteItem($0, context) }))\
        \(page.navigation(context, label: "Pages of this theme’s documents and quotes"))
        """
        return Layout.page(context, title: "\(theme.title)\(page.titleSuffix)", description: theme.description,
                           crumbs: [Crumb(title: "Themes", route: .themes)] + (number > 1 ? [Crumb(title: theme.title, route: .theme(theme.slug))] : []),
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .themes, main: main)
    }
}
