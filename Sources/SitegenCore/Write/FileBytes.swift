#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files, or parts of them, read straight into an array, and files written from arrays:
/// no copies beyond the kernel's.
enum FileBytes {
    /// Creates or empties `path` and writes `pieces` into it, one after another.
    static func write(_ path: String, pieces: [[UInt8]]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        for piece in pieces where !piece.withUnsafeBytes({ write(descriptor, $0) }) {
            close(descriptor)
            return false
        }
        return close(descriptor) == 0
    }

    /// Writes all of `bytes` to an open file, retrying after interruptions; false (with
    /// `errno` set) if the system refuses.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// The whole file, or nil if it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return read(descriptor, count: Int(info.st_size), at: 0, size: Int(info.st_size))
    }

    /// `count` bytes from `offset` of an open file, or nil if it holds fewer.
    static func read(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return read(descriptor, count: count, at: offset, size: Int(info.st_size))
    }

    /// `count` bytes from `offset` of an open file of `size` bytes.
    private static func read(_ descriptor: Int32, count: Int, at offset: Int, size: Int) -> [UInt8]? {
        guard count >= 0, offset >= 0, count <= size - offset else { return nil }
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            while filled < count {
                let got = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                if got <= 0 { break }
                filled += got
            }
            complete = filled == count
        }
        return complete ? bytes : nil
    }
}

/// write(2), which `FileBytes.write` would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
