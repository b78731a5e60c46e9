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

    static func page(_ theme: Theme, _ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .theme(theme.slug))
        let documents = portal.documents(ofTheme: theme.slug)
        let quotes = portal.quotes(ofTheme: theme.slug)
        let main: HTML = """
        <h1>\(theme.title)</h1>
        \(theme.description.map { "<p class=\"lead\">\($0)</p>" as HTML })
        <section aria-labelledby="documents"><h2 id="documents">Documents (\(documents.count))</h2>
        \(documents.isEmpty ? "<p>No documents yet.</p>" : "<ul class=\"cards\">\(documents.reversed().html { Components.documentItem($0, context) })</ul>" as HTML)
        </section>
        <section aria-labelledby="quotes"><h2 id="quotes">Quotes (\(quotes.count))</h2>
        \(quotes.isEmpty ? "<p>No quotes yet.</p>" : "<ul class=\"cards\">\(quotes.reversed().html { Components.quoteItem($0, context) })</ul>" as HTML)
        </section>
        """
        return Layout.page(context, title: theme.title, description: theme.description,
                           crumbs: [Crumb(title: "Themes", route: .themes)], section: .themes, main: main)
    }
}
