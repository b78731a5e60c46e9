import PortalModel

/// What every template knows while rendering one page: the portal and where the page sits.
struct PageContext {
    let portal: Portal
    let route: Route
    /// The prefix of every link: "../../" back to the site root, or on the 404 page, which a
    /// server shows at any path, the path of `base_url` ("/portal/"), so it works on any host.
    private let root: String

    init(portal: Portal, route: Route) {
        self.portal = portal
        self.route = route
        root = route == .notFound ? Self.path(of: portal.site.baseURL) : route.root
    }

    /// The path of an absolute URL ending in "/": "https://example.org/portal/" gives "/portal/".
    static func path(of url: String) -> String {
        let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]
        return afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
    }

    /// The host of an absolute URL, lowercased: "https://Reports.Ofsted.gov.uk/x" gives "reports.ofsted.gov.uk".
    static func host(of url: String) -> String {
        let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]
        return afterScheme.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }.lowercased()
    }

    var site: Site { portal.site }

    /// A link to another page.
    func href(_ target: Route) -> String {
        route == .notFound ? root + target.folder : root + target.file
    }

    /// A link to a root-level file such as `style.css`.
    func file(_ name: String) -> String { root + name }

    /// The page's absolute address, for canonical links and share cards.
    var canonicalURL: String { site.baseURL + (route == .notFound ? "404.html" : route.folder) }
}
