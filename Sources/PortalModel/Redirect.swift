/// An address the portal published whose page is gone, so a shared link never dies: a quote
/// that is no longer on the portal, a document's earlier slug (`aliases`), or a document removed.
public struct Redirect: Sendable, Equatable {
    /// A page of the portal, by what it shows.
    public enum Place: Sendable, Equatable, Hashable {
        case document(String)
        case quote(String)
    }

    /// The old address: `.document(<old slug>)` or `.quote(<id>)`.
    public let from: Place
    /// Where it leads now; nil when nothing takes its place (its page says so and links to the list).
    public let to: Place?

    public init(from: Place, to: Place?) {
        self.from = from
        self.to = to
    }
}
