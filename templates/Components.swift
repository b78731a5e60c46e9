import PortalModel

/// Small pieces shared by several pages: dates, badges, lists and quote cards.
enum Components {
    static func date(_ day: Day) -> HTML {
        "<time datetime=\"\(day.description)\">\(day.longText)</time>"
    }

    /// "March 2021", for summaries where the day adds nothing.
    static func month(_ day: Day) -> HTML {
        "<time datetime=\"\(day.monthDescription)\">\(day.monthText)</time>"
    }

    /// "24–25 March 2021", "28 June – 9 July 2021", or one day.
    static func dateRange(_ start: Day, _ end: Day) -> HTML {
        guard end != start else { return date(start) }
        let startText: String
        if start.precision != .day || end.precision != .day {
            return "<time datetime=\"\(start.description)\">\(start.longText)</time> – \(date(end))"
        } else if start.year != end.year {
            startText = start.longText
        } else if start.month != end.month {
            startText = start.dayMonthText
        } else {
            startText = "\(start.day)"
        }
        let separator = start.month == end.month && start.year == end.year ? "–" : " – "
        return "<time datetime=\"\(start.description)\">\(startText)</time>\(separator)\(date(end))"
    }

    /// A judgement as a labelled badge: the word carries the meaning, the colour only repeats it.
    static func badge(_ judgement: Judgement) -> HTML {
        "<span class=\"badge badge-\(judgement.rawValue)\"><span class=\"visually-hidden\">Judgement: </span>\(judgement.title)</span>"
    }

    /// A visit in a list; `heading` is 2 on index pages, 3 inside a section.
    static func visitItem(_ visit: Visit, _ context: PageContext, heading: Int = 3) -> HTML {
        """
        <li class="card"><h\(heading) class="card-title"><a href="\(context.href(.visit(visit.slug)))">\(visit.title)</a></h\(heading)>\
        <p class="meta">\(visit.kind.title) · \(dateRange(visit.start, visit.end))\
        \(visit.judgement.map { " · \(badge($0))" as HTML })</p></li>
        """
    }

    /// A document in a list; `heading` is 2 on index pages, 3 inside a section.
    static func documentItem(_ document: Document, _ context: PageContext, heading: Int = 3) -> HTML {
        let quotes = document.quotes.count
        return """
        <li class="card"><h\(heading) class="card-title"><a href="\(context.href(.document(document.slug)))">\(document.title)</a></h\(heading)>\
        <p class="meta">\(document.kind.title) · \(date(document.date))\(quotes > 0 ? " · \(counted(quotes, "quote"))" : "")</p>\
        <p>\(excerpt(document.summary, limit: 280))</p></li>
        """
    }

    /// A quote with its attribution, linked to its own page.
    static func quoteCard(_ quote: Quote, _ context: PageContext, headingLevel: Int? = nil) -> HTML {
        let speaker = context.portal.speaker(quote.speakerSlug)
        let name = speaker?.name ?? quote.speakerSlug
        return """
        <figure class="quote" id="quote-\(quote.number)"><blockquote>\(HTML(trusted: quote.html))</blockquote>\
        <figcaption>\(attribution(quote, context)) · \
        <a href="\(context.href(.quote(quote.id)))">Quote page<span class="visually-hidden"> for this quote by \(name)</span></a>\
        </figcaption></figure>
        """
    }

    /// "— Jill Colbert, Chief Executive", the name linked to the speaker's page.
    static func attribution(_ quote: Quote, _ context: PageContext) -> HTML {
        let name = context.portal.speaker(quote.speakerSlug)?.name ?? quote.speakerSlug
        let role: HTML = quote.role.map { ", \($0)" } ?? .empty
        return "— <a href=\"\(context.href(.speaker(quote.speakerSlug)))\" data-pagefind-filter=\"speaker\">\(name)</a>\(role)"
    }

    /// A quote in a speaker's list: the words whole, the role they spoke in, when and where.
    static func wholeQuoteItem(_ quote: Quote, _ context: PageContext) -> HTML {
        let document = context.portal.document(quote.documentSlug)
        let role: HTML = quote.role.map { "\($0) · " } ?? .empty
        return """
        <li class="card quote-whole"><blockquote>\(HTML(trusted: quote.html))</blockquote>\
        <p class="meta">\(role)\(date(quote.date))\
        \(document.map { " · in <a href=\"\(context.href(.document($0.slug)))\">\($0.title)</a>" as HTML }) · \
        <a href="\(context.href(.quote(quote.id)))">Quote page<span class="visually-hidden"> for these words</span></a></p></li>
        """
    }

    /// A quote in a list: a short excerpt, who said it and where.
    static func quoteItem(_ quote: Quote, _ context: PageContext) -> HTML {
        let document = context.portal.document(quote.documentSlug)
        return """
        <li class="card quote-item"><p class="quote-excerpt"><a href="\(context.href(.quote(quote.id)))">“\(excerpt(quote.text, limit: 240))”</a></p>\
        <p class="meta">\(attribution(quote, context)) · \(date(quote.date))\
        \(document.map { " · in <a href=\"\(context.href(.document($0.slug)))\">\($0.title)</a>" as HTML })</p></li>
        """
    }

    /// How to reach the publisher: the contact e-mail and web page from site.yml, else the publisher's name.
    static func contact(_ site: Site) -> HTML {
        var ways: [HTML] = []
        if let email = site.contact.email { ways.append("email <a href=\"mailto:\(email)\">\(email)</a>") }
        if let url = site.contact.url { ways.append("use the <a href=\"\(url)\">contact page of \(site.publisher ?? site.title)</a>") }
        guard !ways.isEmpty else { return "contact \(site.publisher ?? "the publisher of \(site.title)")" }
        return ways.count == 1 ? ways[0] : "\(ways[0]) or \(ways[1])"
    }

    static func themeLinks(_ slugs: [String], _ context: PageContext) -> HTML {
        let links = slugs.compactMap(context.portal.theme).map { theme -> HTML in
            "<li><a href=\"\(context.href(.theme(theme.slug)))\" data-pagefind-filter=\"theme\">\(theme.title)</a></li>"
        }
        return links.isEmpty ? .empty : "<ul class=\"tags\">\(links)</ul>"
    }

    /// "1 quote", "3 quotes".
    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
    }

    /// Text cut at a word boundary with an ellipsis, for lists and share cards.
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var cut = String(text.utf8.prefix(limit)) ?? String(text.prefix(limit / 2))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingTrailingPunctuation() + "…"
    }
}

extension String {
    fileprivate func trimmingTrailingPunctuation() -> String {
        var result = self
        while let last = result.last, last == "," || last == ";" || last == ":" || last == " " { result.removeLast() }
        return result
    }
}
