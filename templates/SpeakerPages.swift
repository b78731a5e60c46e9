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

    static func page(_ speaker: Speaker, _ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: .speaker(speaker.slug))
        let quotes = portal.quotes(ofSpeaker: speaker.slug).reversed()
        let main: HTML = """
        <h1>\(speaker.name)</h1>
        <p class="lead">\(describe(speaker))</p>
        <section aria-labelledby="quotes"><h2 id="quotes">Quotes, newest first (\(quotes.count))</h2>
        \(quotes.isEmpty ? "<p>No quotes yet.</p>" : "<ul class=\"cards\">\(quotes.html { Components.quoteItem($0, context) })</ul>" as HTML)
        </section>
        """
        return Layout.page(context, title: speaker.name, description: "Quotes from \(speaker.name): \(describe(speaker))",
                           crumbs: [Crumb(title: "Speakers", route: .speakers)], section: .speakers, main: main)
    }

    /// "Chief Executive, Together for Children", or whatever part is known.
    private static func describe(_ speaker: Speaker) -> String {
        let parts = [speaker.role, speaker.organisation].compactMap { $0 }
        if let role = speaker.role, let organisation = speaker.organisation, role.contains(organisation) { return role }
        return parts.isEmpty ? "Quoted in the portal" : parts.joined(separator: ", ")
    }
}
