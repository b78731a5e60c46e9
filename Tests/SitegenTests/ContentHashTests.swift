import Testing
@testable import SitegenCore

/// Files written in pieces (a list page with rows replaced) get the hash of their whole bytes.
@Suite struct ContentHashTests {
    @Test(arguments: [0, 1, 7, 8, 9, 63, 64, 1000])
    func piecesHashAsTheWholeDoes(_ length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = bytes.withUnsafeBytes { ContentHash.of($0) }
        for cuts in [[length / 2], [1, 3, length / 3, length - 1], Array(stride(from: 0, to: length, by: 5))] {
            let points = ([0] + cuts.filter { $0 >= 0 && $0 <= length } + [length]).sorted()
            let pieced = bytes.withUnsafeBytes { all -> UInt64 in
                var stream = ContentHash.Stream(count: length)
                for (start, end) in zip(points, points.dropFirst()) {
                    stream.add(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                }
                return stream.finish()
            }
            #expect(pieced == whole, "cut at \(cuts)")
        }
        var other = bytes
        if !other.isEmpty { other[other.count / 2] ^= 1 }
        #expect(length == 0 || other.withUnsafeBytes { ContentHash.of($0) } != whole)
    }
}
