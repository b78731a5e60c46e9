import PortalModel

/// `speakers/` and `speakers/<slug>/`.
enum SpeakerPages {
    static func index(_ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .speakers)
        let items = portal.speakers.html { speaker -> HTML in
            let quotes = portal.quotes(ofSpeaker: speaker.slug).count
            return """
            <li class="card"><h2 class="card-title"><a href="\(context.href(.speaker(speaker.slug)))">\(speaker.name)</a></h2>\
            <p class="meta">\(describe(speaker)) · \(Components.counted(quotes, "quote"))</p></li>
            """
        }
        let main: HTML = """
        <h1>Speakers</h1>
        <p class="lead">\(Components.counted(portal.speakers.count, "person or body", plural: "people and bodies")) quoted in the documents.</p>
        <ul class="cards">\(items)</ul>
        """
        return Layout.page(context, title: "Speakers", description: "Everyone quoted in the portal's documents.",
                           section: .speakers, main: main)
    }

    /// Each quote whole, newest first: a speaker's page is where a reader goes to read what they said.
    static func page(_ speaker: Speaker, _ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.speaker(speaker.slug), number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.speaker(speaker.slug), page: number))
        let all = portal.quotes(ofSpeaker: speaker.slug)
        let quotes = page.slice(all.reversed())
        let main: HTML = """
        <h1>\(speaker.name)\(page.titleSuffix)</h1>
        <p class="lead">\(describe(speaker))</p>
        <section aria-labelledby="quotes"><h2 id="quotes">Quotes, newest first (\(all.count))</h2>
        \(quotes.isEmpty ? "<p>No quotes yet.</p>" : "<ul class=\"quotes-whole\">\(quotes.html { Components.wholeQuoteItem($0, context) })</ul>" as HTML)
        </section>
        \(page.navigation(context, label: "Pages of \(speaker.name)’s quotes"))
        """
        return Layout.page(context, title: "\(speaker.name)\(page.titleSuffix)", description: "Quotes from \(speaker.name): \(describe(speaker))",
                           crumbs: [Crumb(title: "Speakers", route: .speakers)] + (number > 1 ? [Crumb(title: speaker.name, route: .speaker(speaker.slug))] : []),
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .speakers, main: main)
    }

    /// "Chief Executive, Together for Children", or whatever part is known.
    private static func describe(_ speaker: Speaker) -> String {
        let parts = [speaker.role, speaker.organisation].compactMap { $0 }
        if let role = speaker.role, let organisation = speaker.organisation, role.contains(organisation) { return role }
        return parts.isEmpty ? "Quoted in the portal" : parts.joined(separator: ", ")
    }
}
