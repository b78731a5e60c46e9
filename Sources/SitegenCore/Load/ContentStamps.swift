import Glibc

/// The size and modification time of every file under the content folder, read with one
/// `fstatat` a file, so a build can tell in milliseconds that nothing changed.
struct ContentStamps: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        let size: Int64
        let modified: Int64
    }

    /// Relative path → stamp.
    var files: [String: Stamp] = [:]

    static func read(_ folder: String) -> ContentStamps {
        var stamps = ContentStamps()
        walk(folder, prefix: "", into: &stamps.files)
        return stamps
    }

    private static func walk(_ folder: String, prefix: String, into files: inout [String: Stamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let relative = prefix + name
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk("\(folder)/\(name)", prefix: relative + "/", into: &files)
            } else {
                files[relative] = Stamp(size: Int64(info.st_size),
                                        modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
    }
}
