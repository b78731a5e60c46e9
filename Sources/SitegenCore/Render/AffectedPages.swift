import PortalModel
import Templates

/// The pages an edit to some documents or visits can change, so a rebuild renders only those.
///
/// A document appears on its own page and quote pages, on its visit's, themes' and
/// speakers' pages, its quotes on the pages of their own themes, and in the lists (home,
/// timeline, documents, quotes, and the counts on the speakers and themes indexes). A visit appears on its page, the visits index, the
/// timeline, the home page, and the pages of its documents and their quotes. Anything else
/// (site.yml, speakers, themes, assets) makes every page affected: that is a full build.
enum AffectedPages {
    /// - Parameters:
    ///   - before: the documents as the last build published them, by slug.
    ///   - portal: the new portal.
    static func routes(for changes: ContentChanges, before: [String: Document], portal: Portal) -> Set<Route> {
        var routes = Set<Route>()
        func addPages(of document: Document) {
            routes.insert(.document(document.slug))
            for quote in document.quotes {
                routes.insert(.quote(quote.id))
                routes.insert(.speaker(quote.speakerSlug))
                for theme in quote.themeSlugs { routes.insert(.theme(theme)) }
            }
            if let visit = document.visitSlug { routes.insert(.visit(visit)) }
            for theme in document.themeSlugs { routes.insert(.theme(theme)) }
        }
        for slug in changes.documents {
            let old = before[slug]
            let new = portal.document(slug)
            guard old != nil || new != nil else { continue }
            old.map(addPages)
            new.map(addPages)
            routes.formUnion([.home, .timeline, .documents, .quotes, .speakers, .themes])
        }
        for slug in changes.visits {
            routes.formUnion([.visit(slug), .visits, .timeline, .home])
            for document in portal.documents(ofVisit: slug) {
                routes.insert(.document(document.slug))
                for quote in document.quotes { routes.insert(.quote(quote.id)) }
            }
        }
        // Every page of each list: an item added or removed moves the rest along.
        return Set(routes.flatMap { Pagination.routes(of: $0, in: portal) })
    }

    /// The documents whose full text the affected pages need, beyond the edited ones: those of
    /// edited visits, and the document of the quote the home page would feature among the
    /// unedited ones (the home page shows that quote's words).
    static func needingBodies(_ changes: ContentChanges, cached: [String: Document]) -> Set<String> {
        var slugs = Set(cached.values.filter { $0.visitSlug.map(changes.visits.contains) ?? false }.map(\.slug))
        let unchanged = cached.values.filter { !$0.quotes.isEmpty && !changes.documents.contains($0.slug) }
        if let featured = Portal.featured(among: unchanged) { slugs.insert(featured.documentSlug) }
        return slugs
    }
}
