import CSystem
import Testing

/// The bump allocator cmark parses into (`Sources/CSystem/arena.c`), driven the way cmark drives it.
struct ArenaTests {
    private func fill(_ pointer: UnsafeMutableRawPointer, _ count: Int, with byte: UInt8) {
        pointer.initializeMemory(as: UInt8.self, repeating: byte, count: count)
    }

    private func bytes(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    @Test func growingABufferKeepsItsBytesWhetherItGrowsInPlaceOrMoves() throws {
        defer { sitegen_arena_reset() }
        let buffer = try #require(sitegen_arena_realloc(nil, 100))
        fill(buffer, 100, with: 0xA1)
        let inPlace = try #require(sitegen_arena_realloc(buffer, 300))
        #expect(inPlace == buffer)
        fill(inPlace + 100, 200, with: 0xB2)
        let other = try #require(sitegen_arena_calloc(1, 64))
        fill(other, 64, with: 0xC3)
        let expected = [UInt8](repeating: 0xA1, count: 100) + [UInt8](repeating: 0xB2, count: 200)
        let moved = try #require(sitegen_arena_realloc(inPlace, 5_000))
        #expect(moved != inPlace)
        #expect(bytes(moved, 300) == expected)
        #expect(bytes(other, 64) == [UInt8](repeating: 0xC3, count: 64))
        let huge = try #require(sitegen_arena_realloc(moved, 3_000_000))
        #expect(bytes(huge, 300) == expected)
    }

    @Test func callocIsZeroedEvenInReusedMemory() throws {
        defer { sitegen_arena_reset() }
        let dirty = try #require(sitegen_arena_calloc(1, 4_096))
        fill(dirty, 4_096, with: 0xFF)
        sitegen_arena_reset()
        let clean = try #require(sitegen_arena_calloc(16, 256))
        #expect(clean == dirty)
        #expect(bytes(clean, 4_096).allSatisfy { $0 == 0 })
    }

    @Test func freeingTheLatestAllocationGivesItsSpaceBackAndOthersStay() throws {
        defer { sitegen_arena_reset() }
        let first = try #require(sitegen_arena_calloc(1, 32))
        fill(first, 32, with: 7)
        let second = try #require(sitegen_arena_calloc(1, 48))
        sitegen_arena_free(first)
        sitegen_arena_free(second)
        let third = try #require(sitegen_arena_calloc(1, 48))
        #expect(third == second)
        #expect(bytes(first, 32) == [UInt8](repeating: 7, count: 32))
    }

    @Test func aResetAfterSeveralBlocksKeepsOneLargeEnoughForAllOfThem() throws {
        defer { sitegen_arena_reset() }
        let sizes = [200_000, 300_000, 700_000]
        let pointers = try sizes.map { try #require(sitegen_arena_calloc(1, $0)) }
        for (pointer, size) in zip(pointers, sizes) { fill(pointer, size, with: 1) }
        #expect(Set(pointers).count == 3)
        sitegen_arena_reset()
        let again = try sizes.map { try #require(sitegen_arena_calloc(1, $0)) }
        let start = UnsafeRawPointer(again[0])
        #expect(zip(again, sizes).allSatisfy { pointer, size in
            start.distance(to: pointer) >= 0 && start.distance(to: pointer) + size <= 2_000_000 })
    }

    @Test func aResetAfterAHugeDocumentGivesItsMemoryBack() throws {
        defer { sitegen_arena_reset() }
        _ = try #require(sitegen_arena_calloc(1, 12_000_000))
        sitegen_arena_reset()
        let first = try #require(sitegen_arena_calloc(1, 200_000))
        let second = try #require(sitegen_arena_calloc(1, 200_000))
        #expect(UnsafeRawPointer(first).distance(to: second) != 200_016,
                "after the reset the kept block is a small one again, so the second allocation needs another")
    }
}
