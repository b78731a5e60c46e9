import PortalModel

/// The page left at an old address (`Redirect`). Where another page took its place it sends
/// the browser there at once and, for anyone it does not, says in words where it went; where
/// none did, it says the page is gone and links to the list it was in.
enum RedirectPage {
    static func render(_ redirect: Redirect, _ portal: Portal) -> String {
        let context = PageContext(portal: portal, route: route(redirect.from))
        let target = redirect.to.map(route)
        let title: String
        let text: HTML
        switch (redirect.from, redirect.to) {
        case (.document, .some(let place)):
            title = "This document has moved"
            text = "It is now at \(link(place, context))."
        case (.document, nil):
            title = "This document is no longer on the portal"
            text = "It was published here before. You could look through <a href=\"\(context.href(.documents))\">all documents</a>."
        case (.quote, .some(.quote(let id))):
            title = "This quote has moved"
            text = "Its words are now at \(link(.quote(id), context))."
        case (.quote, .some(let place)):
            title = "This quote is no longer on the portal"
            text = "It was quoted in \(link(place, context))."
        case (.quote, nil):
            title = "This quote is no longer on the portal"
            text = "Its document is gone too. You could look through <a href=\"\(context.href(.quotes))\">all quotes</a>."
        }
        let main: HTML = """
        <h1>\(title)</h1>
        <p class="lead">\(text)</p>
        """
        return Layout.page(context, title: title, description: nil, oldAddress: OldAddress(movedTo: target), main: main)
    }

    /// The file the page is written to, below the site root.
    static func file(_ redirect: Redirect) -> String { route(redirect.from).file }

    private static func route(_ place: Redirect.Place) -> Route {
        switch place {
        case .document(let slug): .document(slug)
        case .quote(let id): .quote(id)
        }
    }

    private static func link(_ place: Redirect.Place, _ context: PageContext) -> HTML {
        let portal = context.portal
        let name = switch place {
        case .document(let slug): portal.document(slug)?.title ?? slug
        case .quote(let id):
            portal.quote(id).map { "the words of \(portal.speaker($0.speakerSlug)?.name ?? $0.speakerSlug)" } ?? id
        }
        return "<a href=\"\(context.href(route(place)))\">\(name)</a>"
    }
}
