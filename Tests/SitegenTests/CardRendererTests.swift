import Testing
@testable import ShareCards

/// The share card renderer: fitting the words, and the PNG it draws.
@Suite struct CardRendererTests {
    @Test func theSameValuesGiveTheSameBytes() throws {
        func draw() throws -> [UInt8] {
            try CardRenderer.png(words: "Outstanding.", speaker: "Ofsted inspectors", role: "Ofsted", date: "9 July 2021",
                                 site: "A portal")
        }
        let first = try draw()
        #expect(first.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(try draw() == first)
        #expect(try CardRenderer.png(words: "Good.", speaker: "Ofsted inspectors", role: "Ofsted", date: "9 July 2021",
                                     site: "A portal") != first)
    }

    /// A stand-in for Pango: a line holds 900 / size characters, the box four lines.
    private static func fits(_ text: String, _ size: Double) -> Bool {
        var lines = 1, column = 0
        let width = Int(900 / size)
        for word in text.split(separator: " ") {
            if column > 0 && column + 1 + word.count > width { (lines, column) = (lines + 1, 0) }
            column += (column > 0 ? 1 : 0) + word.count
        }
        return lines <= 4 && column <= width
    }

    @Test func wordsTakeTheLargestSizeThatHoldsThemAll() {
        #expect(CardRenderer.fit("Outstanding.", sizes: [60, 30, 20], fits: Self.fits)
            == .init(text: "Outstanding.", size: 60))
        let medium = "Leaders have a clear line of sight to\nfrontline   practice"
        #expect(CardRenderer.fit(medium, sizes: [60, 30, 20], fits: Self.fits)
            == .init(text: "Leaders have a clear line of sight to frontline practice", size: 30))
    }

    @Test func aLongQuoteIsShortenedAtAWordWithAnEllipsis() {
        let words = Array(repeating: "Children are seen, heard and helped; plans are reviewed.", count: 6).joined(separator: " ")
        let fitted = CardRenderer.fit(words, sizes: [60, 30, 20], fits: Self.fits)
        #expect(fitted.size == 20)
        #expect(fitted.text.hasSuffix("…") && Self.fits(fitted.text, 20))
        let kept = String(fitted.text.dropLast())
        #expect(words.hasPrefix(kept) && words.dropFirst(kept.count).first.map { " ,;.".contains($0) } == true,
                "cut after a whole word: \(fitted.text)")
        #expect(!kept.hasSuffix(",") && !kept.hasSuffix(";") && !kept.hasSuffix("."))
        let longer = words.split(separator: " ").prefix(kept.split(separator: " ").count + 1).joined(separator: " ")
        #expect(!Self.fits(String(longer.reversed().drop { ",;.".contains($0) }.reversed()) + "…", 20),
                "one more word would not fit")
        let unbroken = String(repeating: "x", count: 200)
        let cut = CardRenderer.fit(unbroken, sizes: [20], fits: { text, _ in text.count <= 30 })
        #expect(cut.text == String(repeating: "x", count: 29) + "…", "a single word too long is cut inside")
    }
}
