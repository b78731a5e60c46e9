import PortalModel

/// A page's place in the published site. Paths are folders ending in "/", holding `index.html`.
public enum Route: Hashable, Sendable {
    case home
    case timeline
    case visits, visit(String)
    case documents, document(String)
    case themes, theme(String)
    case speakers, speaker(String)
    case quotes, quote(String)
    case search
    case accessibility, privacy, data
    case notFound
    /// Page n (from 2) of a list longer than `site.pageSize`; page 1 is the list's own route.
    indirect case page(Route, Int)

    /// The folder below the site root: "" for home, "visits/x/" for a visit.
    public var folder: String {
        switch self {
        case .home, .notFound: ""
        case .timeline: "timeline/"
        case .visits: "visits/"
        case .visit(let slug): "visits/\(slug)/"
        case .documents: "documents/"
        case .document(let slug): "documents/\(slug)/"
        case .themes: "themes/"
        case .theme(let slug): "themes/\(slug)/"
        case .speakers: "speakers/"
        case .speaker(let slug): "speakers/\(slug)/"
        case .quotes: "quotes/"
        case .quote(let id): "quotes/\(id)/"
        case .search: "search/"
        case .accessibility: "accessibility/"
        case .privacy: "privacy/"
        case .data: "data/"
        case .page(let list, let number): "\(list.folder)page/\(number)/"
        }
    }

    /// The file this route is written to, below the site root.
    public var file: String { self == .notFound ? "404.html" : folder + "index.html" }

    /// The relative prefix from this page back to the site root: "", "../" or "../../".
    public var root: String {
        String(repeating: "../", count: folder.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }
}
