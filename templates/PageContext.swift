import PortalModel

/// What every template knows while rendering one page: the portal and where the page sits.
struct PageContext {
    let portal: Portal
    let route: Route

    var site: Site { portal.site }

    /// A link to another page: relative, except from the 404 page, which a server shows at any path.
    func href(_ target: Route) -> String {
        route == .notFound ? site.baseURL + target.folder : route.link(to: target)
    }

    /// A link to a root-level file such as `style.css`.
    func file(_ name: String) -> String {
        route == .notFound ? site.baseURL + name : route.link(toFile: name)
    }

    /// The page's absolute address, for canonical links and share cards.
    var canonicalURL: String { site.baseURL + (route == .notFound ? "404.html" : route.folder) }
}
