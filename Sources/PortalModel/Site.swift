/// The portal itself, from `content/site.yml`.
public struct Site: Sendable {
    public let title: String
    public let description: String?
    /// Absolute, ending in "/"; used only for the feed, sitemap and canonical links.
    public let baseURL: String
    public let language: String
    public let publisher: String?

    public init(title: String, description: String?, baseURL: String, language: String, publisher: String?) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.publisher = publisher
    }
}

/// Someone who may be quoted, from `content/speakers.yml`.
public struct Speaker: Sendable {
    public let slug: String
    public let name: String
    /// The role shown when a quote gives none.
    public let role: String?
    public let organisation: String?
    public let aliases: [String]

    public init(slug: String, name: String, role: String?, organisation: String?, aliases: [String]) {
        self.slug = slug
        self.name = name
        self.role = role
        self.organisation = organisation
        self.aliases = aliases
    }
}

/// A subject that documents and quotes are grouped by, from `content/themes.yml`.
public struct Theme: Sendable {
    public let slug: String
    public let title: String
    public let description: String?

    public init(slug: String, title: String, description: String?) {
        self.slug = slug
        self.title = title
        self.description = description
    }
}
