/// The portal itself, from `content/site.yml`.
public struct Site: Sendable {
    public let title: String
    public let description: String?
    /// Absolute, ending in "/"; used only for the feed, sitemap and canonical links.
    public let baseURL: String
    public let language: String
    public let publisher: String?
    /// Where readers report a problem or ask for another format.
    public let contact: Contact
    /// The licence of the portal's own text, shown in every footer.
    public let licence: Licence?
    /// What the accessibility statement says; nil when site.yml gives nothing.
    public let accessibility: AccessibilityStatement?
    /// Items on one page of a list.
    public let pageSize: Int

    public init(title: String, description: String?, baseURL: String, language: String, publisher: String?,
                contact: Contact = Contact(), licence: Licence? = nil, accessibility: AccessibilityStatement? = nil,
                pageSize: Int = 50) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.publisher = publisher
        self.contact = contact
        self.licence = licence
        self.accessibility = accessibility
        self.pageSize = pageSize
    }
}

/// How to reach the portal's publisher.
public struct Contact: Sendable, Equatable {
    public let email: String?
    public let url: String?

    public init(email: String? = nil, url: String? = nil) {
        self.email = email
        self.url = url
    }
}

/// A licence for the portal's own text.
public enum Licence: String, CaseIterable, Sendable {
    case ogl3 = "ogl-3.0"

    /// "Open Government Licence v3.0".
    public var title: String { "Open Government Licence v3.0" }

    public var url: String { "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" }
}

/// How far the site meets WCAG 2.2 AA, as the accessibility statement declares it.
public enum ComplianceStatus: String, CaseIterable, Sendable {
    case fullyCompliant = "fully-compliant"
    case partiallyCompliant = "partially-compliant"
    case notCompliant = "not-compliant"
}

/// The facts of the accessibility statement that site.yml gives.
public struct AccessibilityStatement: Sendable {
    public let status: ComplianceStatus
    public let prepared: Day
    public let reviewed: Day
    public let knownIssues: [String]

    public init(status: ComplianceStatus, prepared: Day, reviewed: Day, knownIssues: [String]) {
        self.status = status
        self.prepared = prepared
        self.reviewed = reviewed
        self.knownIssues = knownIssues
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

    /// True when `publisher` is the speaker's organisation: the same name ignoring case, also
    /// when the organisation adds a gloss in brackets ("Ofsted (the Office for …)" is Ofsted).
    public func belongs(to publisher: String) -> Bool {
        guard let organisation else { return false }
        let name = organisation.firstRange(of: " (").map { String(organisation[..<$0.lowerBound]) } ?? organisation
        return [organisation, name].contains { $0.lowercased() == publisher.lowercased() }
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
