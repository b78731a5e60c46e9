import PortalModel

/// Long lists split into pages of `site.pageSize` items: page 1 at the list's own address,
/// page n at `<list>/page/<n>/`. A page that shows two lists (a theme's or a visit's
/// documents and quotes) turns both in step, and has as many pages as the longer needs.
public enum Pagination {
    /// The lists that can run to several pages, newest or oldest first as each page shows them.
    public static func lists(of portal: Portal) -> [Route] {
        [.timeline, .visits, .documents, .quotes]
            + portal.visits.map { .visit($0.slug) }
            + portal.themes.map { .theme($0.slug) }
            + portal.speakers.map { .speaker($0.slug) }
    }

    /// How many pages `list` has (at least 1).
    public static func pageCount(of list: Route, in portal: Portal) -> Int {
        pages(items: itemCount(of: list, in: portal), size: portal.site.pageSize)
    }

    /// `list`'s own route, then its pages from 2.
    public static func routes(of list: Route, in portal: Portal) -> [Route] {
        let count = pageCount(of: list, in: portal)
        return [list] + (count < 2 ? [] : (2...count).map { .page(list, $0) })
    }

    /// The route of page `number` of `list`.
    static func route(_ list: Route, page number: Int) -> Route { number == 1 ? list : .page(list, number) }

    /// The page of a list that shows the item at `index` (from 0, in the order the list shows).
    public static func page(ofIndex index: Int, size: Int) -> Int { index / size + 1 }

    static func pages(items: Int, size: Int) -> Int { max(1, (items + size - 1) / size) }

    private static func itemCount(of list: Route, in portal: Portal) -> Int {
        switch list {
        case .timeline: portal.visits.count + portal.documents.count
        case .visits: portal.visits.count
        case .documents: portal.documents.count
        case .quotes: portal.quotes.count
        case .visit(let slug): max(portal.documents(ofVisit: slug).count, portal.quotes(ofVisit: slug).count)
        case .theme(let slug): max(portal.documents(ofTheme: slug).count, portal.quotes(ofTheme: slug).count)
        case .speaker(let slug): portal.quotes(ofSpeaker: slug).count
        default: 1
        }
    }
}

/// Which page of a list is being rendered.
struct PageOfList {
    let list: Route
    let number: Int
    let count: Int
    let size: Int

    init(_ list: Route, number: Int, in portal: Portal) {
        self.list = list
        self.number = number
        count = Pagination.pageCount(of: list, in: portal)
        size = portal.site.pageSize
    }

    /// The items of `items` this page shows.
    func slice<Items: Collection>(_ items: Items) -> [Items.Element] {
        Array(items.dropFirst((number - 1) * size).prefix(size))
    }

    /// " (page 2 of 40)" after a title, or nothing on a list of one page.
    var titleSuffix: String { count > 1 ? " (page \(number) of \(count))" : "" }

    /// The page navigation: "Page 2 of 40", previous and next, the first and last pages and
    /// those near this one; nothing for a list of one page.
    func navigation(_ context: PageContext, label: String) -> HTML {
        guard count > 1 else { return .empty }
        let near = Set([1, count] + Array(max(1, number - 2)...min(count, number + 2)))
        var items: [HTML] = []
        if number > 1 {
            items.append("<li><a href=\"\(context.href(Pagination.route(list, page: number - 1)))\" rel=\"prev\">Previous<span class=\"visually-hidden\"> page</span></a></li>")
        }
        var previous = 0
        for page in near.sorted() {
            if page > previous + 1 { items.append("<li class=\"gap\" aria-hidden=\"true\">…</li>") }
            let current: HTML = page == number ? " aria-current=\"page\"" : ""
            items.append("<li><a href=\"\(context.href(Pagination.route(list, page: page)))\"\(current)><span class=\"visually-hidden\">Page </span>\(page)</a></li>")
            previous = page
        }
        if number < count {
            items.append("<li><a href=\"\(context.href(Pagination.route(list, page: number + 1)))\" rel=\"next\">Next<span class=\"visually-hidden\"> page</span></a></li>")
        }
        return """
        <nav class="pagination" aria-label="\(label)"><p>Page \(number) of \(count)</p><ul>\(items)</ul></nav>

        """
    }
}
