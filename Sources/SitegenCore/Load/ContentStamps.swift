import CSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size and modification time of every file under the content folder, read with one
/// `fstatat` a file on every core, so a build can tell in milliseconds that nothing changed.
struct ContentStamps: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        let size: Int64
        let modified: Int64
    }

    /// Relative path → stamp.
    var files: [String: Stamp] = [:]

    /// A file found by listing its folder, not yet stat-ed.
    private struct Listed: Sendable {
        /// Index of its folder's descriptor.
        let folder: Int
        let name: String
        let relative: String
    }

    static func read(_ folder: String, workers: Int? = nil) -> ContentStamps {
        var folders: [OpaquePointer] = []
        var listed: [Listed] = []
        list(folder, prefix: "", folders: &folders, files: &listed)
        defer { folders.forEach { closedir($0) } }
        let descriptors = folders.map(dirfd)
        let stamps = parallelMap(listed, workers: workers) { file -> Stamp? in
            var info = stat()
            // A name that cannot be stat-ed (not UTF-8, so mangled here) still counts, so that its
            // arrival changes the stamps and the build that follows reports it.
            guard fstatat(descriptors[file.folder], file.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                return Stamp(size: -1, modified: 0)
            }
            guard (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
            return Stamp(size: Int64(info.st_size),
                         modified: sitegen_modified_nanoseconds(&info))
        }
        var result = ContentStamps()
        result.files.reserveCapacity(listed.count)
        for (file, stamp) in zip(listed, stamps) {
            if let stamp { result.files[file.relative] = stamp }
        }
        return result
    }

    /// Lists `folder` and the folders below it; each folder stays open until the files are stat-ed.
    private static func list(_ folder: String, prefix: String, folders: inout [OpaquePointer], files: inout [Listed]) {
        guard let directory = opendir(folder) else { return }
        folders.append(directory)
        let index = folders.count - 1
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                list("\(folder)/\(name)", prefix: prefix + name + "/", folders: &folders, files: &files)
            } else {
                files.append(Listed(folder: index, name: name, relative: prefix + name))
            }
        }
    }
}
