/// A fast 64-bit hash of bytes, stable across runs and machines, to tell whether a file changed.
/// Not cryptographic: it compares sitegen's own output with itself.
enum ContentHash {
    /// The hash of a file's bytes, or nil if it cannot be read.
    static func ofFile(_ path: String) -> UInt64? {
        FileBytes.read(path)?.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var stream = Stream(count: bytes.count)
        stream.add(bytes)
        return stream.finish()
    }

    /// The same hash of bytes that come in pieces, whose total length is known first.
    struct Stream {
        private var hash: UInt64
        /// Bytes of an unfinished 8-byte word, the first in the lowest bits.
        private var pending: UInt64 = 0
        private var pendingCount: UInt64 = 0

        init(count: Int) { hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var offset = 0
            while pendingCount > 0 && offset < bytes.count {
                take(bytes[offset])
                offset += 1
            }
            while offset + 8 <= bytes.count {
                mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            while offset < bytes.count {
                take(bytes[offset])
                offset += 1
            }
        }

        mutating func finish() -> UInt64 {
            mix(pending)
            hash ^= hash >> 33
            hash &*= 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            return hash
        }

        private mutating func take(_ byte: UInt8) {
            pending |= UInt64(byte) << (8 * pendingCount)
            pendingCount += 1
            if pendingCount == 8 {
                mix(pending)
                (pending, pendingCount) = (0, 0)
            }
        }

        @inline(__always)
        private mutating func mix(_ word: UInt64) {
            hash = ((hash << 5 | hash >> 59) ^ word) &* 0x517C_C1B7_2722_0A95
        }
    }
}
