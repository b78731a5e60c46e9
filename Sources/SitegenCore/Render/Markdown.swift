import CCmark
import CSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PortalModel

/// A block quote recognised as a quote, before its speaker is resolved.
struct FoundQuote: Sendable {
    /// The quote's blocks rendered by cmark, without the attribution.
    let html: String
    let text: String
    /// The speaker as the attribution writes it.
    let speaker: String
    let role: String?
    /// What the attribution's braces say: `{#id themes=a,b featured}`.
    let attributes: QuoteAttributes
    /// Body-relative position of the attribution line (1-based).
    let line: Int
    let column: Int
}

/// The optional attributes at the end of an attribution line, in braces.
struct QuoteAttributes: Sendable, Equatable {
    /// `#id`: the quote's URL segment, in place of `<document>-<n>`.
    var id: String?
    /// `themes=a,b`: the quote's own themes, in place of its document's.
    var themes: [String]?
    /// `featured`: offered for the home page.
    var featured = false
}

/// A problem cmark's tree reveals, at a body-relative position.
struct MarkdownProblem: Error, Sendable, Equatable {
    let line: Int
    let column: Int
    let message: String
}

/// A Markdown body rendered by cmark, with its quotes lifted out.
struct RenderedMarkdown: Sendable {
    let segments: [BodySegment]
    let quotes: [FoundQuote]
    /// Plain text of the first top-level paragraph, for the default summary.
    let firstParagraph: String?
    let problems: [MarkdownProblem]
}

/// cmark with smart punctuation, in safe mode: raw HTML and `javascript:` links never pass through.
enum Markdown {
    private static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS
    private static let renderOptions = CMARK_OPT_DEFAULT
    private static let quoteMarker = "<!--sitegen:quote "

    /// Block quotes and lists inside one another, at most: deeper nesting is never meant, and
    /// walking it costs time that grows with the square of its depth.
    static let maximumNesting = 40

    /// Renders Markdown to HTML, with no quote handling (visit summaries, under the page's h2s);
    /// or the problem when it nests too deeply.
    static func html(_ markdown: String, topHeading: Int32 = 3) -> Result<String, MarkdownProblem> {
        withTree(markdown) { root in
            if let problem = nestingProblem(root) { return .failure(problem) }
            shiftHeadings(root, top: topHeading)
            return .success(render(root))
        }
    }

    /// A problem at the first block nested more than `maximumNesting` deep, found in one walk.
    private static func nestingProblem(_ root: OpaquePointer) -> MarkdownProblem? {
        var depth = 0
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST else { continue }
            if event == CMARK_EVENT_EXIT {
                depth -= 1
                continue
            }
            depth += 1
            if depth > maximumNesting {
                return MarkdownProblem(line: Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node)),
                    message: "block quotes and lists are nested more than \(maximumNesting) deep here; "
                        + "remove the extra '>' or indentation")
            }
        }
        return nil
    }

    /// Renders a document body, replacing each quote by a `.quote(n)` segment.
    /// Its headings start at h2, under the page's h1.
    static func document(_ markdown: String) -> RenderedMarkdown {
        withTree(markdown) { root in
            if let problem = nestingProblem(root) {
                return RenderedMarkdown(segments: [], quotes: [], firstParagraph: nil, problems: [problem])
            }
            shiftHeadings(root, top: 2)
            let source = SourceLines(markdown)
            var candidates: [(blockQuote: OpaquePointer, attribution: OpaquePointer)] = []
            var quoteNodes = Set<OpaquePointer>()
            var firstParagraph: OpaquePointer?
            let iterator = cmark_iter_new(root)
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH where firstParagraph == nil && cmark_node_parent(node) == root:
                    firstParagraph = node
                case CMARK_NODE_BLOCK_QUOTE:
                    guard !hasAncestor(node, in: quoteNodes),
                          let last = cmark_node_last_child(node),
                          cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH,
                          source.startsWithAttributionDash(line: Int(cmark_node_get_start_line(last)),
                                                           column: Int(cmark_node_get_start_column(last)))
                    else { continue }
                    candidates.append((node, last))
                    quoteNodes.insert(node)
                default:
                    continue
                }
            }

            var quotes: [FoundQuote] = []
            var problems: [MarkdownProblem] = []
            for (blockQuote, attribution) in candidates {
                let line = Int(cmark_node_get_start_line(attribution))
                let column = Int(cmark_node_get_start_column(attribution))
                let (speaker, role, attributes, attributeProblem) = parseAttribution(plainText(attribution))
                if let attributeProblem {
                    problems.append(MarkdownProblem(line: line, column: column, message: attributeProblem))
                }
                var html = ""
                var words: [String] = []
                var child = cmark_node_first_child(blockQuote)
                while let node = child, node != attribution {
                    html += render(node)
                    words.append(plainText(node))
                    child = cmark_node_next(node)
                }
                if html.isEmpty {
                    problems.append(MarkdownProblem(line: line, column: column,
                        message: "quote has no words before its attribution; put the quoted text above the '—' line"))
                } else if speaker.isEmpty {
                    problems.append(MarkdownProblem(line: line, column: column,
                        message: "quote attribution names no speaker; write '— Name, role' with a name from speakers.yml"))
                }
                let marker = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena)
                cmark_node_set_on_enter(marker, "\(quoteMarker)\(quotes.count)-->")
                cmark_node_insert_before(blockQuote, marker)
                cmark_node_unlink(blockQuote)
                quotes.append(FoundQuote(html: html, text: words.filter { !$0.isEmpty }.joined(separator: " "),
                                         speaker: speaker, role: role, attributes: attributes,
                                         line: line, column: column))
            }
            return RenderedMarkdown(segments: segments(render(root)), quotes: quotes,
                                    firstParagraph: firstParagraph.map(plainText), problems: problems)
        }
    }

    /// cmark's allocator for every tree: the calling thread's arena (`CSystem/arena.c`),
    /// emptied when `withTree` returns. Everything taken from a tree is copied into Swift
    /// values before then, and `withTree` never runs inside another: the inner one's reset
    /// would free the outer tree.
    private nonisolated(unsafe) static let arena: UnsafeMutablePointer<cmark_mem> = {
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(calloc: sitegen_arena_calloc, realloc: sitegen_arena_realloc,
                                           free: sitegen_arena_free))
        return allocator
    }()

    private static func withTree<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T {
        defer { sitegen_arena_reset() }
        var markdown = markdown
        let root = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let parser = cmark_parser_new_with_mem(parseOptions, arena)
                defer { cmark_parser_free(parser) }
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
                return cmark_parser_finish(parser)!
            }
        }
        return body(root)
    }

    /// Moves every heading down so the highest is `top`, keeping their order: a page has one h1.
    private static func shiftHeadings(_ root: OpaquePointer, top: Int32) {
        var headings: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
               cmark_node_get_type(node) == CMARK_NODE_HEADING {
                headings.append(node)
            }
        }
        cmark_iter_free(iterator)
        guard let highest = headings.map(cmark_node_get_heading_level).min(), highest < top else { return }
        for heading in headings {
            cmark_node_set_heading_level(heading, min(6, cmark_node_get_heading_level(heading) + top - highest))
        }
    }

    /// The node's HTML; the buffer is the arena's, so it is not freed here.
    private static func render(_ node: OpaquePointer) -> String {
        cmark_render_html(node, renderOptions).map { String(cString: $0) } ?? ""
    }

    private static func hasAncestor(_ node: OpaquePointer, in set: Set<OpaquePointer>) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if set.contains(current) { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// The text of a node's inlines, breaks as spaces, blocks separated by a space.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch (event, cmark_node_get_type(current)) {
            case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE):
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK), (CMARK_EVENT_ENTER, CMARK_NODE_LINEBREAK),
                 (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING):
                if !text.isEmpty && text.last != " " { text += " " }
            default:
                break
            }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// "— Jill Colbert, Chief Executive {#colbert featured}" → ("Jill Colbert", "Chief Executive",
    /// id "colbert", featured). Smart punctuation has already turned "--" into an en dash.
    /// An attribute that is not understood is a problem, described in the last element.
    static func parseAttribution(_ line: String)
        -> (speaker: String, role: String?, attributes: QuoteAttributes, problem: String?) {
        var line = trimmed(Substring(line))
        var attributes = QuoteAttributes()
        var problem: String?
        if line.hasSuffix("}"), let open = line.lastIndex(of: "{") {
            let inside = line[line.index(after: open)..<line.index(before: line.endIndex)]
            line = trimmed(line[..<open])
            for token in inside.split(whereSeparator: \.isWhitespace) {
                if token.hasPrefix("#"), token.count > 1 {
                    attributes.id = String(token.dropFirst())
                } else if token.hasPrefix("themes=") {
                    attributes.themes = token.dropFirst("themes=".count).split(separator: ",").map(String.init)
                } else if token == "featured" {
                    attributes.featured = true
                } else {
                    problem = "unknown quote attribute '\(token)' in braces; write #id, themes=first,second or featured"
                }
            }
        }
        let body = Substring(line.unicodeScalars.drop { $0 == "—" || $0 == "–" || $0 == "-" || $0.properties.isWhitespace })
        let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let speaker = parts.first.map(trimmed) ?? ""
        let role = parts.count > 1 ? trimmed(parts[1]) : ""
        return (speaker, role.isEmpty ? nil : role, attributes, problem)
    }

    private static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Splits cmark's HTML at the quote markers it was given, searching bytes, not characters.
    private static func segments(_ html: String) -> [BodySegment] {
        var html = html
        return html.withUTF8 { bytes in
            guard !bytes.isEmpty else { return [] }
            let marker = Array(quoteMarker.utf8)
            let closing = Array("-->".utf8)
            var segments: [BodySegment] = []
            var segmentStart = 0
            var index = 0
            func text(_ range: Range<Int>) -> BodySegment {
                .html(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
            while let hit = sitegen_find_bytes(bytes.baseAddress! + index, bytes.count - index, marker, marker.count) {
                let found = UnsafeRawPointer(bytes.baseAddress!).distance(to: hit)
                var cursor = found + marker.count
                var number = 0
                while cursor < bytes.count, let digit = bytes[cursor].asciiDigit {
                    number = number * 10 + digit
                    cursor += 1
                }
                guard bytes[cursor...].starts(with: closing) else {
                    index = cursor
                    continue
                }
                if segmentStart != found { segments.append(text(segmentStart..<found)) }
                segments.append(.quote(number))
                cursor += closing.count
                if cursor < bytes.count && bytes[cursor] == UInt8(ascii: "\n") { cursor += 1 }
                segmentStart = cursor
                index = cursor
            }
            if segmentStart != bytes.count { segments.append(text(segmentStart..<bytes.count)) }
            return segments
        }
    }
}

private extension UInt8 {
    var asciiDigit: Int? { self >= 48 && self <= 57 ? Int(self - 48) : nil }
}

/// Byte offsets of a body's lines, to read the source at a cmark position.
private struct SourceLines {
    let bytes: [UInt8]
    let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count,
                  let newline = memchr(buffer.baseAddress! + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = buffer.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// True when the source at (line, column) starts with an em dash or two hyphens.
    func startsWithAttributionDash(line: Int, column: Int) -> Bool {
        guard line >= 1, line <= starts.count else { return false }
        let offset = starts[line - 1] + column - 1
        guard offset >= 0, offset < bytes.count else { return false }
        let rest = bytes[offset...]
        return rest.starts(with: [0xE2, 0x80, 0x94]) || rest.starts(with: [0x2D, 0x2D])
    }
}
