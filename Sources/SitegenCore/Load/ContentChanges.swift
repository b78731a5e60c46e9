/// What changed in the content folder between two builds, from the files' stamps.
struct ContentChanges: Sendable {
    /// Something other than a document or visit file changed (site.yml, speakers, themes,
    /// assets, anything else): every page may depend on it.
    var global = false
    /// Slugs of document files added, removed or edited.
    var documents = Set<String>()
    /// Slugs of visit files added, removed or edited.
    var visits = Set<String>()

    init(from old: ContentStamps, to new: ContentStamps) {
        let paths = Set(old.files.keys).union(new.files.keys)
        for path in paths where old.files[path] != new.files[path] {
            if let slug = Self.slug(path, in: "documents/") {
                documents.insert(slug)
            } else if let slug = Self.slug(path, in: "visits/") {
                visits.insert(slug)
            } else {
                global = true
            }
        }
    }

    /// "documents/x.md" → "x"; nil for anything else (hidden files, other folders).
    static func slug(_ path: String, in folder: String) -> String? {
        guard path.hasPrefix(folder), path.hasSuffix(".md") else { return nil }
        let name = path.dropFirst(folder.count).dropLast(3)
        guard !name.contains("/"), !name.hasPrefix(".") else { return nil }
        return String(name)
    }
}
