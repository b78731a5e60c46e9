import CSystem
import Foundation
import PortalModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps `content/published.csv` in step with what builds publish.
enum PublishedRecord {
    /// Adds what `portal` publishes to the record `loaded` read, writing the file (through a
    /// temporary file and a rename) only when that changes it. Returns `stamps` with the file's
    /// new stamp, so that the next build does not take the record for an edit. Builds with
    /// drafts record nothing: they preview, they do not publish.
    static func update(_ portal: Portal, loaded: LoadedContent, stamps: ContentStamps, options: BuildOptions) throws
        -> ContentStamps {
        guard !options.includeDrafts else { return stamps }
        var record = loaded.published
        record.record(portal.documents)
        guard record != loaded.published else { return stamps }
        let path = "\(loaded.root)/\(PublishedAddresses.fileName)"
        let temporary = "\(loaded.root)/.\(PublishedAddresses.fileName).\(getpid()).tmp"
        do {
            try Data(record.csv.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw PublishError(path: path, reason: "cannot record the published addresses: \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PublishError(path: path, reason: "cannot record the published addresses: \(reason)")
        }
        var info = stat()
        var updated = stamps
        updated.files[PublishedAddresses.fileName] = lstat(path, &info) == 0
            ? ContentStamps.Stamp(size: Int64(info.st_size), modified: sitegen_modified_nanoseconds(&info))
            : nil
        return updated
    }
}
