import PortalModel

/// `quotes/` and `quotes/<id>/`: every quote, and each on its own page to link and share.
enum QuotePages {
    static func index(_ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.quotes, number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.quotes, page: number))
        let main: HTML = """
        <h1>Quotes\(page.titleSuffix)</h1>
        <p class="lead">\(Components.counted(portal.quotes.count, "quote")) from the documents, newest first.</p>
        <ul class="cards">\(page.slice(portal.quotes.reversed()).html { Components.quoteItem($0, context) })</ul>
        \(page.navigation(context, label: "Pages of quotes"))
        """
        return Layout.page(context, title: "Quotes\(page.titleSuffix)", description: "Every quote in the portal's documents, newest first.",
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .quotes, main: main)
    }

    /// With `cards`, the page names its share card (`QuoteCard`) as its `og:image`.
    static func page(_ quote: Quote, _ portal: Portal, cards: Bool) -> String {
        let context = PageContext(portal: portal, route: .quote(quote.id))
        let speaker = portal.speaker(quote.speakerSlug)
        let name = speaker?.name ?? quote.speakerSlug
        let document = portal.document(quote.documentSlug)
        let visit = quote.visitSlug.flatMap(portal.visit)
        var facts: [HTML] = ["<dt>Date</dt><dd>\(Components.date(quote.date))</dd>"]
        if let document {
            facts.append("<dt>Source</dt><dd><a href=\"\(context.href(.document(document.slug)))#quote-\(quote.number)\">\(document.title)</a></dd>")
        }
        if let visit {
            facts.append("<dt>Visit</dt><dd><a href=\"\(context.href(.visit(visit.slug)))\" data-pagefind-filter=\"visit\">\(visit.title)</a></dd>")
        }
        if !quote.themeSlugs.isEmpty {
            facts.append("<dt>Themes</dt><dd>\(Components.themeLinks(quote.themeSlugs, context))</dd>")
        }
        let title = heading(quote, speaker: name)
        let main: HTML = """
        <article class="quote-page" data-pagefind-body>
        <h1>\(title)</h1>
        <figure class="quote quote-large"><blockquote>\(HTML(trusted: quote.html))</blockquote>
        <figcaption>\(Components.attribution(quote, context))\(portal.secondHandSource(of: quote).map { quotedIn($0, quote, context) })</figcaption></figure>
        <dl class="facts">\(facts)</dl>
        </article>
        """
        let description = Components.excerpt(quote.text, limit: 300)
        var card = ShareCard(title: title, description: description, type: "article")
        if cards { card.image = (QuoteCard(quote, in: portal).file, "“\(description)” — \(name)") }
        return Layout.page(context, title: title, description: description,
                           crumbs: [Crumb(title: "Quotes", route: .quotes)], crumbTitle: "Quote from \(name)", section: .quotes,
                           card: card, structuredData: StructuredData.quote(quote, portal), main: main)
    }

    /// The page's title and heading, which tell quotes apart: the speaker and the opening
    /// words, cut at a word with "…" ("Jill Colbert: “We welcome the findings of…”").
    private static func heading(_ quote: Quote, speaker name: String) -> String {
        "\(name): “\(Components.excerpt(quote.text, limit: 70))”"
    }

    /// "as quoted in <title> (<publisher>, <date>)": where words the page shows come from a
    /// document that another organisation published.
    private static func quotedIn(_ document: Document, _ quote: Quote, _ context: PageContext) -> HTML {
        let link = "\(context.href(.document(document.slug)))#quote-\(quote.number)"
        return "<br>as quoted in <a href=\"\(link)\">\(document.title)</a> (\(document.publisher ?? ""), \(Components.date(document.date)))"
    }
}
