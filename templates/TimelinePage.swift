import PortalModel

/// Every visit and document, oldest first, grouped by year.
enum TimelinePage {
    private enum Event {
        case visit(Visit)
        case document(Document)

        var day: Day {
            switch self {
            case .visit(let visit): visit.start
            case .document(let document): document.date
            }
        }

        /// Visits before documents on the same day, then by slug: a stable order.
        var sortKey: (Day, Int, String) {
            switch self {
            case .visit(let visit): (visit.start, 0, visit.slug)
            case .document(let document): (document.date, 1, document.slug)
            }
        }
    }

    static func render(_ portal: Portal, page number: Int = 1) -> String {
        let page = PageOfList(.timeline, number: number, in: portal)
        let context = PageContext(portal: portal, route: Pagination.route(.timeline, page: number))
        var years: [(year: Int, events: [Event])] = []
        for event in page.slice(events(portal)) {
            if years.last?.year == event.day.year {
                years[years.count - 1].events.append(event)
            } else {
                years.append((event.day.year, [event]))
            }
        }
        let main: HTML = """
        <h1>Timeline\(page.titleSuffix)</h1>
        <p class="lead">\(Components.counted(portal.visits.count, "Ofsted visit")) that the documents describe \
        (they mention others, not recorded here) and \(Components.counted(portal.documents.count, "document")), oldest first.</p>
        \(years.html { group in
            """
            <section aria-labelledby="year-\(group.year)"><h2 id="year-\(group.year)">\(String(group.year))</h2>
            <ol class="timeline">\(group.events.html { item($0, context) })</ol></section>
            """
        })
        \(page.navigation(context, label: "Pages of the timeline"))
        """
        return Layout.page(context, title: "Timeline\(page.titleSuffix)", description: "The Ofsted visits the documents describe, and every document, oldest first.",
                           crumbTitle: number > 1 ? "Page \(number)" : nil, section: .timeline, main: main)
    }

    /// Visits and documents in the timeline's order, oldest first.
    private static func events(_ portal: Portal) -> [Event] {
        (portal.visits.map(Event.visit) + portal.documents.map(Event.document)).sorted { $0.sortKey < $1.sortKey }
    }

    /// The timeline page that shows `document`.
    static func page(of document: Document, in portal: Portal) -> Int {
        let index = events(portal).firstIndex {
            if case .document(let shown) = $0 { shown.slug == document.slug } else { false }
        } ?? 0
        return Pagination.page(ofIndex: index, size: portal.site.pageSize)
    }

    private static func item(_ event: Event, _ context: PageContext) -> HTML {
        switch event {
        case .visit(let visit):
            return """
            <li class="event event-visit"><p class="meta">\(Components.dateRange(visit.start, visit.end)) · \(visit.kind.title)</p>\
            <h3 class="card-title"><a href="\(context.href(.visit(visit.slug)))">\(visit.title)</a></h3>\
            \(visit.judgement.map { "<p>\(Components.badge($0))</p>" as HTML })</li>
            """
        case .document(let document):
            return documentItem(document, context)
        }
    }

    /// A document's entry in the timeline.
    static func documentItem(_ document: Document, _ context: PageContext) -> HTML {
        """
        <li class="event event-document"><p class="meta">\(Components.date(document.date)) · \(document.kind.title)</p>\
        <h3 class="card-title"><a href="\(context.href(.document(document.slug)))">\(document.title)</a></h3></li>
        """
    }
}
