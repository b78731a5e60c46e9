import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalModel

/// What the last successful build left beside the output, to make the next one cheap:
/// the content's stamps, a hash of every file in the published folder, the files in which
/// the spare folder (the generation before it) differs, and each document's listing.
///
/// Two files, each with a checksum: a header (`.<output>.sitegen-cache`), read by every
/// build, and a data file (`-data`) with the hash of every published file and every
/// document's listing, read only by a build that needs them. A build that updates only
/// edited documents' own pages and rows rewrites just the header, which records the hashes
/// and listings that changed since the data file was written. A cache that is missing, corrupt, written by
/// another sitegen binary or for other options means a clean build.
struct BuildCache: Sendable {
    /// A file that differs between the published and the spare folder; nil where a folder lacks it.
    struct Difference: Equatable, Sendable {
        var live: UInt64?
        var spare: UInt64?
    }

    /// What other pages show of a published document (a hash of its record), and where the
    /// record starts in the data file (unless `documentUpdates` holds a newer one).
    struct Listing: Equatable, Sendable {
        var hash: UInt64
        var offset: Int
    }

    /// What must match for the cache to be used: sitegen's binary, the content folder and the options.
    var identity: String
    var stamps: ContentStamps
    var counts: SiteCounts
    /// Inode of the published folder.
    var liveFolder: UInt64
    /// Inode of the spare folder (0: none).
    var spareFolder: UInt64
    /// Each published document's listing, by slug.
    var listings: [String: Listing]
    /// The document whose first quote the home page features.
    var featured: String?
    /// Published files whose hashes changed since the data file was written.
    var liveUpdates: [String: UInt64]
    /// Documents whose listings changed since the data file was written, by slug, without bodies.
    var documentUpdates: [String: Document]
    /// Where the spare folder differs from the published one.
    var differences: [String: Difference]

    /// The hash of every published file; filled by `loadData()`.
    var live: [String: UInt64]
    /// The published documents by slug, without bodies; filled by `loadData()`.
    var documents: [String: Document]
    /// The data file's first part, encoded once when a build's cache is made: the number of
    /// documents, then their records, in the chunks they were encoded in.
    private var documentRecords: [[UInt8]] = []

    /// The hash of every file in the spare folder.
    var spare: [String: UInt64] {
        var files = live
        for (file, difference) in differences { files[file] = difference.spare }
        return files
    }

    private static let magic = "sitegen-cache-10"

    /// The cache after a build that wrote `live`, keeping the previous generation (`spare`) beside it.
    /// Document records are encoded on `workers` threads (nil: every core).
    init(identity: String, stamps: ContentStamps, counts: SiteCounts, liveFolder: UInt64, live: [String: UInt64],
         spareFolder: UInt64, spare: [String: UInt64], documents: [String: Document], featured: String?,
         workers: Int? = nil) {
        self.identity = identity
        self.stamps = stamps
        self.counts = counts
        self.liveFolder = liveFolder
        self.spareFolder = spareFolder
        self.live = live
        self.documents = documents
        self.featured = featured
        (documentRecords, listings) = Self.records(of: documents, workers: workers)
        liveUpdates = [:]
        documentUpdates = [:]
        differences = [:]
        if spareFolder != 0 {
            for (file, hash) in live where spare[file] != hash {
                differences[file] = Difference(live: hash, spare: spare[file])
            }
            for (file, hash) in spare where live[file] == nil {
                differences[file] = Difference(live: nil, spare: hash)
            }
        }
    }

    /// The data file's first part: the number of documents, then each one's record, encoded in
    /// chunks on `workers` threads and kept as those chunks; and where each record starts.
    private static func records(of documents: [String: Document], workers: Int?) -> ([[UInt8]], [String: Listing]) {
        let entries = Array(documents)
        let chunkSize = 256
        let starts = Array(stride(from: 0, to: entries.count, by: chunkSize))
        let chunks = parallelMap(starts, workers: workers) { start in
            var part = Writer()
            var found: [(slug: String, listing: Listing)] = []
            for (slug, document) in entries[start..<min(start + chunkSize, entries.count)] {
                let offset = part.bytes.count
                found.append((slug, Listing(hash: part.record(document), offset: offset)))
            }
            return (bytes: part.bytes, found: found)
        }
        var count = Writer()
        count.int(documents.count)
        var base = count.bytes.count
        var listings: [String: Listing] = [:]
        listings.reserveCapacity(documents.count)
        for chunk in chunks {
            for (slug, listing) in chunk.found {
                listings[slug] = Listing(hash: listing.hash, offset: base + listing.offset)
            }
            base += chunk.bytes.count
        }
        return ([count.bytes] + chunks.map(\.bytes), listings)
    }

    /// A hash of what a document shows outside its own pages: everything but its body (its
    /// quotes' HTML shows whole on speaker pages). The same bytes as the document's record in the data file.
    static func listing(_ document: Document) -> UInt64 {
        var writer = Writer()
        writer.document(document)
        return writer.bytes.withUnsafeBytes { ContentHash.of($0) }
    }

    static func identity(content: String, includeDrafts: Bool, searchIndex: Bool, shareCards: Bool) -> String {
        var info = stat()
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let binary = stat(executable, &info) == 0 ? "\(info.st_size)-\(sitegen_modified_nanoseconds(&info))" : "unknown"
        let folder = URL(fileURLWithPath: content).standardized.path
        return "\(binary) content=\(folder) drafts=\(includeDrafts) search=\(searchIndex) cards=\(shareCards)"
    }

    static func inode(of path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    // MARK: Reading and writing

    /// The data file, and the checksum the header recorded for it.
    private var data: (path: String, checksum: UInt64)?

    /// Reads the cache's header file: enough to tell that nothing changed, or to rebuild
    /// edited documents' own pages.
    static func load(_ path: String) -> BuildCache? {
        guard var reader = Reader.checked(path), reader.string() == magic,
              let identity = reader.string(),
              let stampCount = reader.int(), stampCount >= 0 else { return nil }
        var stamps = ContentStamps()
        stamps.files.reserveCapacity(stampCount)
        for _ in 0..<stampCount {
            guard let path = reader.string(), let size = reader.int(), let modified = reader.int() else { return nil }
            stamps.files[path] = ContentStamps.Stamp(size: Int64(size), modified: Int64(modified))
        }
        var values: [Int] = []
        for _ in 0..<SiteCounts.fieldCount {
            guard let value = reader.int() else { return nil }
            values.append(value)
        }
        guard let counts = SiteCounts(values), let liveFolder = reader.int(), let spareFolder = reader.int(),
              let listingCount = reader.int(), listingCount >= 0 else { return nil }
        var listings: [String: Listing] = [:]
        listings.reserveCapacity(listingCount)
        for _ in 0..<listingCount {
            guard let slug = reader.string(), let hash = reader.int(), let offset = reader.int() else { return nil }
            listings[slug] = Listing(hash: UInt64(UInt(bitPattern: hash)), offset: offset)
        }
        guard let featured = reader.optional(), let liveUpdates = reader.manifest(),
              let updateCount = reader.int(), updateCount >= 0 else { return nil }
        var documentUpdates: [String: Document] = [:]
        for _ in 0..<updateCount {
            guard let document = reader.record() else { return nil }
            documentUpdates[document.slug] = document
        }
        guard let differenceCount = reader.int(), differenceCount >= 0 else { return nil }
        var differences: [String: Difference] = [:]
        for _ in 0..<differenceCount {
            guard let file = reader.string(), let live = reader.optionalHash(), let spare = reader.optionalHash()
            else { return nil }
            differences[file] = Difference(live: live, spare: spare)
        }
        guard let dataChecksum = reader.int(), reader.atEnd else { return nil }
        return BuildCache(identity: identity, stamps: stamps, counts: counts, liveFolder: UInt64(liveFolder),
                          spareFolder: UInt64(spareFolder), listings: listings, featured: featured,
                          liveUpdates: liveUpdates, documentUpdates: documentUpdates, differences: differences,
                          data: (path + "-data", UInt64(UInt(bitPattern: dataChecksum))))
    }

    /// A header as read, before `loadData()`.
    private init(identity: String, stamps: ContentStamps, counts: SiteCounts, liveFolder: UInt64, spareFolder: UInt64,
                 listings: [String: Listing], featured: String?, liveUpdates: [String: UInt64],
                 documentUpdates: [String: Document], differences: [String: Difference],
                 data: (path: String, checksum: UInt64)) {
        self.identity = identity
        self.stamps = stamps
        self.counts = counts
        self.liveFolder = liveFolder
        self.spareFolder = spareFolder
        self.listings = listings
        self.featured = featured
        self.liveUpdates = liveUpdates
        self.documentUpdates = documentUpdates
        self.differences = differences
        self.data = data
        live = [:]
        documents = [:]
    }

    /// Reads the file hashes and documents; false if they are missing, damaged or not the
    /// ones the header was written with.
    mutating func loadData() -> Bool {
        guard let data, var reader = Reader.checked(data.path), reader.checksum == data.checksum,
              let documentCount = reader.int(), documentCount >= 0 else { return false }
        var documents: [String: Document] = [:]
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            guard let document = reader.record() else { return false }
            documents[document.slug] = document
        }
        guard var live = reader.manifest(), reader.atEnd else { return false }
        live.merge(liveUpdates) { _, update in update }
        documents.merge(documentUpdates) { _, update in update }
        self.live = live
        self.documents = documents
        return true
    }

    /// The published versions of some documents, as cached, reading only their records:
    /// nil if any of them is missing or not the record its listing names.
    func publishedDocuments(_ slugs: Set<String>) -> [String: Document]? {
        var found = documentUpdates.filter { slugs.contains($0.key) }
        let missing = slugs.subtracting(found.keys)
        guard !missing.isEmpty else { return found }
        guard let data else { return nil }
        let descriptor = open(data.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        for slug in missing {
            guard let listing = listings[slug],
                  let length = FileBytes.read(descriptor, count: 8, at: listing.offset)?
                      .withUnsafeBytes({ Int(Int64(littleEndian: $0.loadUnaligned(as: Int64.self))) }),
                  length >= 0, let bytes = FileBytes.read(descriptor, count: length, at: listing.offset + 8),
                  bytes.withUnsafeBytes({ ContentHash.of($0) }) == listing.hash else { return nil }
            var reader = Reader(bytes: bytes, checksum: listing.hash)
            guard let document = reader.document(), reader.atEnd, document.slug == slug else { return nil }
            found[slug] = document
        }
        return found
    }

    /// Writes the data file of a cache made after a build, then the header file that names its
    /// checksum, each to a temporary file renamed into place (entries in no particular order:
    /// only sitegen reads them).
    func save(_ path: String) {
        var manifest = Writer()
        manifest.manifest(live)
        guard let checksum = Writer.save(documentRecords + [manifest.bytes], to: path + "-data") else { return }
        saveHeader(path, dataChecksum: checksum)
    }

    /// Writes only the header, for a build whose changes it records in `liveUpdates`. A cache
    /// that was not read from files has no data file to name: then nothing is written, and
    /// the next build is a full one.
    func saveHeader(_ path: String) {
        guard let data else { return }
        saveHeader(path, dataChecksum: data.checksum)
    }

    private func saveHeader(_ path: String, dataChecksum: UInt64) {
        var header = Writer()
        header.string(Self.magic)
        header.string(identity)
        header.int(stamps.files.count)
        for (file, stamp) in stamps.files {
            header.string(file)
            header.int(Int(stamp.size))
            header.int(Int(stamp.modified))
        }
        for value in counts.values { header.int(value) }
        header.int(Int(liveFolder))
        header.int(Int(spareFolder))
        header.int(listings.count)
        for (slug, listing) in listings {
            header.string(slug)
            header.int(Int(bitPattern: UInt(listing.hash)))
            header.int(listing.offset)
        }
        header.optional(featured)
        header.manifest(liveUpdates)
        header.int(documentUpdates.count)
        for document in documentUpdates.values { header.record(document) }
        header.int(differences.count)
        for (file, difference) in differences {
            header.string(file)
            header.optionalHash(difference.live)
            header.optionalHash(difference.spare)
        }
        header.int(Int(bitPattern: UInt(dataChecksum)))
        _ = Writer.save([header.bytes], to: path)
    }

    /// Removes the cache, so that nothing is trusted while the folders change. The data file
    /// may stay for a header written later to name again: without one it is never read.
    static func remove(_ path: String, keepingData: Bool = false) {
        unlink(path)
        if !keepingData { unlink(path + "-data") }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        /// Writes `pieces`, one after another, and their checksum to `path` through a temporary
        /// file; returns the checksum.
        static func save(_ pieces: [[UInt8]], to path: String) -> UInt64? {
            var stream = ContentHash.Stream(count: pieces.reduce(0) { $0 + $1.count })
            for piece in pieces { piece.withUnsafeBytes { stream.add($0) } }
            let checksum = stream.finish()
            let temporary = path + ".tmp"
            guard FileBytes.write(temporary, pieces: pieces + [withUnsafeBytes(of: checksum) { Array($0) }]),
                  rename(temporary, path) == 0 else {
                unlink(temporary)
                return nil
            }
            return checksum
        }

        mutating func int(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ value: String) {
            int(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func manifest(_ files: [String: UInt64]) {
            int(files.count)
            for (path, hash) in files {
                string(path)
                int(Int(bitPattern: UInt(hash)))
            }
        }

        mutating func optional(_ value: String?) {
            int(value == nil ? 0 : 1)
            if let value { string(value) }
        }

        mutating func optionalHash(_ value: UInt64?) {
            int(value == nil ? 0 : 1)
            int(Int(bitPattern: UInt(value ?? 0)))
        }

        /// A document's listing, after its length so that a reader can skip it; returns the listing's hash.
        @discardableResult
        mutating func record(_ listed: Document) -> UInt64 {
            let start = bytes.count
            int(0)
            document(listed)
            let length = bytes.count - start - 8
            withUnsafeBytes(of: Int64(length).littleEndian) { bytes.replaceSubrange(start..<start + 8, with: $0) }
            return bytes[(start + 8)...].withUnsafeBytes { ContentHash.of($0) }
        }

        mutating func document(_ document: Document) {
            string(document.slug)
            string(document.title)
            string(document.date.description)
            string(document.kind.rawValue)
            optional(document.publisher)
            optional(document.visitSlug)
            int(document.themeSlugs.count)
            for theme in document.themeSlugs { string(theme) }
            optional(document.sourceURL)
            string(document.summary)
            int(document.draft ? 1 : 0)
            optional(document.rights)
            optional(document.updated?.description)
            optional(document.updateNote)
            int(document.aliases.count)
            for alias in document.aliases { string(alias) }
            int(document.quotes.count)
            for quote in document.quotes {
                string(quote.id)
                string(quote.speakerSlug)
                optional(quote.role)
                string(quote.html)
                string(quote.text)
                int(quote.themeSlugs.count)
                for theme in quote.themeSlugs { string(theme) }
                int(quote.featured ? 1 : 0)
            }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        let checksum: UInt64
        var offset = 0

        /// The file's bytes, if its trailing checksum matches them.
        static func checked(_ path: String) -> Reader? {
            guard var bytes = FileBytes.read(path), bytes.count >= 8 else { return nil }
            let checksum = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: $0.count - 8, as: UInt64.self) }
            bytes.removeLast(8)
            guard bytes.withUnsafeBytes({ ContentHash.of($0) }) == checksum else { return nil }
            return Reader(bytes: bytes, checksum: checksum)
        }

        var atEnd: Bool { offset == bytes.count }

        mutating func int() -> Int? {
            guard offset + 8 <= bytes.count else { return nil }
            let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int64.self)) }
            offset += 8
            return Int(value)
        }

        mutating func string() -> String? {
            guard let length = int(), length >= 0, offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func optional() -> String?? {
            switch int() {
            case 0?: return .some(nil)
            case 1?: return string().map { .some($0) } ?? nil
            default: return nil
            }
        }

        mutating func optionalHash() -> UInt64?? {
            guard let flag = int(), let value = int(), flag == 0 || flag == 1 else { return nil }
            return .some(flag == 1 ? UInt64(UInt(bitPattern: value)) : nil)
        }

        /// A document as `Writer.record` wrote it.
        mutating func record() -> Document? {
            guard let length = int(), length >= 0 else { return nil }
            let end = offset + length
            guard let document = document(), offset == end else { return nil }
            return document
        }

        /// A document as `Writer.document` wrote it, without its body.
        mutating func document() -> Document? {
            guard let slug = string(), let title = string(), let date = string().flatMap(Day.init),
                  let kind = string().flatMap(DocumentKind.init(rawValue:)),
                  let publisher = optional(), let visit = optional(),
                  let themeCount = int(), themeCount >= 0 else { return nil }
            guard let themes = strings(count: themeCount),
                  let sourceURL = optional(), let summary = string(), let draft = int(),
                  let rights = optional(), let updated = optional(), let updateNote = optional(),
                  let aliasCount = int(), let aliases = strings(count: aliasCount),
                  let quoteCount = int(), quoteCount >= 0 else { return nil }
            var quotes: [Quote] = []
            for number in stride(from: 1, through: quoteCount, by: 1) {
                guard let id = string(), let speaker = string(), let role = optional(), let html = string(),
                      let text = string(),
                      let quoteThemeCount = int(), let quoteThemes = strings(count: quoteThemeCount),
                      let featured = int() else { return nil }
                quotes.append(Quote(id: id, number: number, documentSlug: slug, speakerSlug: speaker,
                                    role: role, html: html, text: text, date: date, visitSlug: visit,
                                    themeSlugs: quoteThemes, featured: featured == 1))
            }
            return Document(slug: slug, title: title, date: date, kind: kind, publisher: publisher, visitSlug: visit,
                            themeSlugs: themes, sourceURL: sourceURL, summary: summary, draft: draft == 1,
                            rights: rights, updated: updated.flatMap(Day.init), updateNote: updateNote,
                            aliases: aliases, body: [], quotes: quotes)
        }

        mutating func strings(count: Int) -> [String]? {
            guard count >= 0 else { return nil }
            var values: [String] = []
            for _ in 0..<count {
                guard let value = string() else { return nil }
                values.append(value)
            }
            return values
        }

        mutating func manifest() -> [String: UInt64]? {
            guard let count = int(), count >= 0 else { return nil }
            var files: [String: UInt64] = [:]
            files.reserveCapacity(count)
            for _ in 0..<count {
                guard let path = string(), let hash = int() else { return nil }
                files[path] = UInt64(UInt(bitPattern: hash))
            }
            return files
        }
    }
}
