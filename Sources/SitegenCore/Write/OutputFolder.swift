import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// link(2), which `StagingFolder.link` would otherwise shadow.
private func systemLink(_ source: String, _ destination: String) -> Int32 { link(source, destination) }

/// A problem writing the output; the published folder is left as it was.
public struct PublishError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): error: \(reason)" }
}

/// Where a build writes, beside the published output: a new staging folder, or the spare
/// folder (the generation before the published one) updated in place.
///
/// Nothing touches the published folder until `publish()`, which exchanges the two
/// folders with one atomic exchange (`renameat2` on Linux, `renamex_np` on macOS), so a reader or a server never
/// sees a half-written site, and a failed or killed build leaves it exactly as it was.
/// A file whose bytes are already in the folder (by its hash in `existing`) is not written again.
struct StagingFolder: Sendable {
    /// The published folder, e.g. `public`.
    let output: String
    /// The folder being written, e.g. `.public.sitegen-staging-1234` or `.public.sitegen-spare`.
    let path: String
    /// Hashes of the files already in `path`; empty for a new folder.
    let existing: [String: UInt64]

    /// Marks a folder as sitegen's output, so a build never replaces a folder it did not write.
    static let markerName = ".sitegen"
    static let marker = "This folder was published by sitegen; it is replaced whole by each build.\n"

    /// The paths beside an output folder that belong to it.
    struct Paths: Sendable {
        let output: String
        let spare: String
        let cache: String
        let stagingPrefix: String
        let parent: String
        let name: String

        init(output: String) {
            let trimmed = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
            let url = URL(fileURLWithPath: trimmed)
            parent = url.deletingLastPathComponent().path
            name = url.lastPathComponent
            self.output = trimmed
            spare = "\(parent)/.\(name).sitegen-spare"
            cache = "\(parent)/.\(name).sitegen-cache"
            stagingPrefix = ".\(name).sitegen-"
        }
    }

    /// Creates an empty staging folder beside `output`, removing ones left by killed builds.
    static func create(for paths: Paths) throws -> StagingFolder {
        try checkReplaceable(paths.output)
        removeAbandoned(paths)
        let path = "\(paths.parent)/\(paths.stagingPrefix)staging-\(getpid())"
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: path, reason: "cannot create the build folder: \(error.localizedDescription)")
        }
        return StagingFolder(output: paths.output, path: path, existing: [:])
    }

    /// Uses the spare folder, whose files have the hashes in `existing`, as the build folder.
    static func reuse(_ paths: Paths, existing: [String: UInt64]) throws -> StagingFolder {
        try checkReplaceable(paths.output)
        removeAbandoned(paths)
        return StagingFolder(output: paths.output, path: paths.spare, existing: existing)
    }

    /// Refuses to replace a folder with content that sitegen did not write (a mistyped `--output`).
    private static func checkReplaceable(_ output: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw PublishError(path: output, reason: "the output exists and is not a folder; choose another --output")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        guard entries.contains(markerName) || entries.allSatisfy({ $0 == ".gitkeep" }) else {
            throw PublishError(path: output, reason: "the output folder holds files sitegen did not publish; "
                + "empty it or choose another --output, since a build replaces the whole folder")
        }
    }

    /// Removes staging and old folders whose build process no longer runs.
    private static func removeAbandoned(_ paths: Paths) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: paths.parent) else { return }
        for entry in entries where entry.hasPrefix(paths.stagingPrefix + "staging-") || entry.hasPrefix(paths.stagingPrefix + "old-") {
            guard let pid = entry.split(separator: "-").last.flatMap({ Int32($0) }),
                  pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: "\(paths.parent)/\(entry)")
        }
    }

    /// Writes a file below the folder unless the same bytes are already there; returns their hash.
    /// `folder` (relative) is created first when this is a new staging folder, or when missing.
    @discardableResult
    func write(_ relative: String, _ contents: String, folder: String? = nil) throws -> UInt64 {
        var contents = contents
        return try contents.withUTF8 { try write(relative, UnsafeRawBufferPointer($0), folder: folder) }
    }

    @discardableResult
    func write(_ relative: String, _ bytes: UnsafeRawBufferPointer, folder: String? = nil) throws -> UInt64 {
        try write(relative, pieces: [bytes], folder: folder)
    }

    /// Writes a file made of `pieces`, in order, as `write(_:_:folder:)` does.
    @discardableResult
    func write(_ relative: String, pieces: [UnsafeRawBufferPointer], folder: String? = nil) throws -> UInt64 {
        var stream = ContentHash.Stream(count: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { stream.add(piece) }
        let hash = stream.finish()
        if existing[relative] == hash { return hash }
        let full = "\(path)/\(relative)"
        if let folder, existing.isEmpty { try makeFolders(folder) }
        var descriptor = openEmpty(full)
        if descriptor < 0 && errno == ENOENT, let folder {
            try makeFolders(folder)
            descriptor = openEmpty(full)
        }
        guard descriptor >= 0 else {
            throw PublishError(path: full, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        for bytes in pieces where !FileBytes.write(descriptor, bytes) {
            throw PublishError(path: full, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        return hash
    }

    /// Opens a file for writing, empty. In a reused folder an existing file is emptied in
    /// place, keeping its inode, unless it is a hard link (perhaps to the published file):
    /// that name gets a new file instead, so no write ever reaches a published file.
    private func openEmpty(_ full: String) -> Int32 {
        guard !existing.isEmpty else { return open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        let descriptor = open(full, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return descriptor }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_nlink == 1, ftruncate(descriptor, 0) == 0 { return descriptor }
        close(descriptor)
        unlink(full)
        return open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    }

    /// Creates a folder below this one: one `mkdir` when its parent exists, else every level.
    func makeFolders(_ relative: String) throws {
        let full = "\(path)/\(relative)"
        if mkdir(full, 0o755) == 0 || errno == EEXIST { return }
        do {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: full, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// Copies a file verbatim, unless the same bytes are already there; returns their hash.
    func copy(_ source: String, to relative: String) throws -> UInt64 {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw PublishError(path: source, reason: "cannot read the file to copy it")
        }
        let folder = (relative as NSString).deletingLastPathComponent
        return try data.withUnsafeBytes { try write(relative, $0, folder: folder.isEmpty ? nil : folder) }
    }

    /// Gives the folder another folder's version of a file as a hard link, so no bytes are
    /// copied (the folders are on one file system); copies it where linking fails. Safe
    /// because `write` never writes into a file with more than one link.
    func link(_ source: String, to relative: String) throws {
        let full = "\(path)/\(relative)"
        unlink(full)
        if systemLink(source, full) == 0 { return }
        if errno == ENOENT {
            let folder = (relative as NSString).deletingLastPathComponent
            if !folder.isEmpty { try makeFolders(folder) }
            if systemLink(source, full) == 0 { return }
        }
        let copy = StagingFolder(output: output, path: path, existing: [:])
        _ = try copy.copy(source, to: relative)
    }

    /// Deletes the files of an earlier generation that this build did not write, and their empty folders.
    func removeFiles(notIn kept: [String: UInt64]) {
        var folders = Set<String>()
        for file in existing.keys where kept[file] == nil {
            unlink("\(path)/\(file)")
            var folder = (file as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir("\(path)/\(folder)") }
    }

    /// Swaps this folder in as the output. The previous output is kept as the spare folder
    /// when `keepPrevious`, else removed.
    func publish(keepPrevious: Bool, paths: Paths) throws {
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(path, output) == 0 else {
                throw PublishError(path: output, reason: "cannot publish: \(String(cString: strerror(errno)))")
            }
            return
        }
        let previous: String
        if sitegen_exchange_paths(path, output) == 0 {
            previous = path
        } else {
            // A file system that cannot exchange: two renames, with a moment between them.
            previous = "\(paths.parent)/\(paths.stagingPrefix)old-\(getpid())"
            guard rename(output, previous) == 0 else {
                throw PublishError(path: output, reason: "cannot publish: \(String(cString: strerror(errno)))")
            }
            guard rename(path, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(previous, output)
                throw PublishError(path: output, reason: "cannot publish: \(reason)")
            }
        }
        if keepPrevious {
            if previous != paths.spare {
                try? FileManager.default.removeItem(atPath: paths.spare)
                rename(previous, paths.spare)
            }
        } else {
            try? FileManager.default.removeItem(atPath: previous)
            if previous != paths.spare { try? FileManager.default.removeItem(atPath: paths.spare) }
        }
    }

    /// Removes a new staging folder after a failed build (a spare folder is left for the next clean build).
    func discard() {
        if path != Paths(output: output).spare { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// An exclusive lock on an output folder, its spare folder and its cache, held for a whole
/// build so two builds into one output never interleave. It is an `flock` on a file beside
/// the output that records the holder's pid; the system releases it when the holder exits,
/// so a lock left by a killed build is simply taken over.
final class OutputLock {
    private let descriptor: Int32

    /// Takes the lock, or throws at once, naming the build that holds it.
    init(_ paths: StagingFolder.Paths) throws {
        let file = "\(paths.parent)/\(paths.stagingPrefix)lock"
        try? FileManager.default.createDirectory(atPath: paths.parent, withIntermediateDirectories: true)
        descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PublishError(path: file, reason: "cannot create the build lock: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = FileBytes.read(file).map { String(decoding: $0, as: UTF8.self) } ?? ""
            close(descriptor)
            let pid = holder.trimmingCharacters(in: .whitespacesAndNewlines)
            throw PublishError(path: paths.output, reason: "another build of \(paths.name)/ is running"
                + (pid.isEmpty ? "" : " (pid \(pid))") + "; wait for it to finish, then build again")
        }
        ftruncate(descriptor, 0)
        var pid = "\(getpid())\n"
        pid.withUTF8 { _ = FileBytes.write(descriptor, UnsafeRawBufferPointer($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Checks that an output folder can be published to without harming the content.
enum OutputPlacement {
    /// Throws when the output is a symbolic link (publishing replaces it whole), or lies
    /// inside the content folder or holds it (each build would read the last one's pages back).
    static func check(output: String, content: String) throws {
        var info = stat()
        if lstat(output, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw PublishError(path: output, reason: "the output is a symbolic link, which a build would replace "
                + "with a folder; pass the folder it points to with --output instead")
        }
        let contentPath = realPath(content)
        let outputPath = realPath(output)
        if outputPath == contentPath || outputPath.hasPrefix(contentPath + "/") {
            throw PublishError(path: output, reason: "the output folder is inside the content folder \(content)/; "
                + "choose an --output outside it, such as public")
        }
        if contentPath.hasPrefix(outputPath + "/") {
            throw PublishError(path: output, reason: "the content folder \(content)/ is inside the output folder, "
                + "which each build replaces whole; choose another --output")
        }
    }

    /// The absolute path with symbolic links resolved, as far as the path exists.
    static func realPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path).standardized
        let parent = url.deletingLastPathComponent().path
        return parent == url.path ? url.path : realPath(parent) + "/" + url.lastPathComponent
    }
}
