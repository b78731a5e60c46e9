import CCairo

/// Draws a quote's share card, 1200 × 630 pixels, and encodes it as PNG: cairo draws,
/// Pango lays the text out in the DejaVu fonts, found through fontconfig.
///
/// The same values give the same bytes: no timestamps, fixed font options (greyscale
/// antialiasing, no hinting), and no transparency (RGB24).
public enum CardRenderer {
    public static let width = 1200
    public static let height = 630

    /// Cards cannot be made on this machine: a font is missing.
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The PNG bytes of a card showing `words`, the speaker and role, the date and the site's title.
    public static func png(words: String, speaker: String, role: String?, date: String, site: String) throws -> [UInt8] {
        if let missing = missingFonts {
            throw Unavailable(description: "share cards need the fonts \(missing) (Debian: apt-get install fonts-dejavu-core, "
                + "or `make deps`), which fontconfig cannot find")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo) }
        let text = Text(cairo)
        defer { text.release() }
        draw(Card(words: words, speaker: speaker, role: role, date: date, site: site), with: text, on: cairo)
        cairo_surface_flush(surface)
        return try encode(surface)
    }

    /// How the words are set: at the largest of `sizes` that holds them all, else at the
    /// smallest, cut after the most whole words that fit with an ellipsis.
    struct Fitted: Equatable {
        let text: String
        let size: Double
    }

    /// The sizes tried for the words, largest first, in pixels.
    static let wordSizes: [Double] = [64, 56, 48, 42]

    /// Fits `words` (white space collapsed) into the box that `fits(text, size)` measures.
    static func fit(_ words: String, sizes: [Double] = wordSizes, fits: (String, Double) -> Bool) -> Fitted {
        let tokens = words.split(whereSeparator: \.isWhitespace).map(String.init)
        let whole = tokens.joined(separator: " ")
        for size in sizes where fits(whole, size) { return Fitted(text: whole, size: size) }
        let size = sizes.last!
        // The longest cut that fits: after the k-th word, or, when no word fits, after the k-th character.
        func longest(_ count: Int, _ cut: (Int) -> String) -> String? {
            var (low, high, best) = (1, count, nil as String?)
            while low <= high {
                let middle = (low + high) / 2
                let candidate = cut(middle)
                if fits(candidate, size) { (best, low) = (candidate, middle + 1) } else { high = middle - 1 }
            }
            return best
        }
        func shortened(_ text: some StringProtocol) -> String {
            String(text.reversed().drop(while: { ",;:.–—-".contains($0) }).reversed()) + "…"
        }
        let text = longest(tokens.count - 1) { shortened(tokens[..<$0].joined(separator: " ")) }
            ?? longest(whole.count - 1) { shortened(whole.prefix($0)) }
            ?? "…"
        return Fitted(text: text, size: size)
    }

    /// The card's values.
    private struct Card {
        let words, speaker: String
        let role: String?
        let date, site: String
    }

    private static let margin = 80.0
    private static let wordsLeft = 120.0
    private static let wordsWidth = Double(width) - wordsLeft - margin
    /// Room for the words: at 42 px, six lines.
    private static let wordsBox = 320.0
    private static let footerTop = 536.0
    private static let serif = "DejaVu Serif"
    private static let sans = "DejaVu Sans"

    private static func draw(_ card: Card, with text: Text, on cairo: OpaquePointer) {
        fill(cairo, 0x1D3F5E, 0, 0, Double(width), Double(height))
        fill(cairo, 0x132B41, 0, footerTop, Double(width), Double(height) - footerTop)
        fill(cairo, 0xFFDD00, 0, footerTop, Double(width), 6)

        let fitted = fit(card.words) { words, size in
            text.set(words, font: serif, size: size, width: wordsWidth)
            return text.height <= wordsBox
        }
        text.set(fitted.text, font: serif, size: fitted.size, width: wordsWidth)
        let wordsHeight = text.height
        let speakerGap = 28.0, speakerHeight = 44.0, roleHeight = card.role == nil ? 0 : 40.0
        let blockHeight = wordsHeight + speakerGap + speakerHeight + roleHeight
        let top = max(48, (footerTop - blockHeight) / 2)
        fill(cairo, 0xFFDD00, margin, top + 6, 8, wordsHeight - 12)
        text.draw(at: wordsLeft, top, color: 0xFFFFFF, on: cairo)

        var y = top + wordsHeight + speakerGap
        text.set("— \(card.speaker)", font: "\(sans) Bold", size: 36, width: wordsWidth, oneLine: true)
        text.draw(at: wordsLeft, y, color: 0xFFFFFF, on: cairo)
        y += speakerHeight
        if let role = card.role {
            text.set(role, font: sans, size: 30, width: wordsWidth, oneLine: true)
            text.draw(at: wordsLeft, y, color: 0xC9D6E2, on: cairo)
        }

        let footerText = footerTop + 6 + (Double(height) - footerTop - 6 - 36) / 2
        text.set(card.date, font: sans, size: 30, width: Double(width) - 2 * margin, oneLine: true)
        let dateWidth = text.width
        text.draw(at: Double(width) - margin - dateWidth, footerText, color: 0xC9D6E2, on: cairo)
        text.set(card.site, font: "\(sans) Bold", size: 30, width: Double(width) - 2 * margin - dateWidth - 48, oneLine: true)
        text.draw(at: margin, footerText, color: 0xFFFFFF, on: cairo)
    }

    private static func fill(_ cairo: OpaquePointer, _ rgb: UInt32, _ x: Double, _ y: Double, _ width: Double,
                             _ height: Double) {
        setColor(cairo, rgb)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_fill(cairo)
    }

    fileprivate static func setColor(_ cairo: OpaquePointer, _ rgb: UInt32) {
        cairo_set_source_rgb(cairo, Double(rgb >> 16 & 0xFF) / 255, Double(rgb >> 8 & 0xFF) / 255, Double(rgb & 0xFF) / 255)
    }

    /// The surface as PNG, collected in memory: RGB, unfiltered, deflated at level 3.
    /// That is libpng's fast setting, which on these cards both halves the time cairo's
    /// own PNG writer takes (adaptive filters, level 6) and makes files no larger.
    /// libpng reports errors (only running out of memory, here) by ending the process.
    private static func encode(_ surface: OpaquePointer?) throws -> [UInt8] {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        var png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, nil, nil)
        var info = png_create_info_struct(png)
        defer { png_destroy_write_struct(&png, &info) }
        guard png != nil, info != nil else { throw Unavailable(description: "libpng cannot start a share card's PNG") }
        png_set_write_fn(png, Unmanaged.passUnretained(sink).toOpaque(), { png, data, length in
            guard let data, let sink = png_get_io_ptr(png) else { return }
            Unmanaged<Sink>.fromOpaque(sink).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: data, count: length))
        }, nil)
        png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        png_set_filter(png, 0, PNG_FILTER_NONE)
        png_set_compression_level(png, 3)
        png_write_info(png, info)
        // cairo's RGB24 pixels are 32-bit words, 0xXXRRGGBB: in memory B, G, R and an unused byte.
        png_set_bgr(png)
        png_set_filler(png, 0, PNG_FILLER_AFTER)
        let pixels = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<height { png_write_row(png, pixels + row * stride) }
        png_write_end(png, nil)
        return withExtendedLifetime(sink) { sink.bytes }
    }

    /// The families the card needs that fontconfig does not list, or nil when it has them all.
    static let missingFonts: String? = {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &count)
        defer { g_free(families) }
        let found = Set((0..<Int(count)).compactMap { families?[$0].map { String(cString: pango_font_family_get_name($0)) } })
        let missing = [serif, sans].filter { !found.contains($0) }
        return missing.isEmpty ? nil : missing.map { "'\($0)'" }.joined(separator: " and ")
    }()
}

/// A Pango layout on one cairo context, reused for every piece of text on a card.
private struct Text {
    let layout: OpaquePointer

    init(_ cairo: OpaquePointer) {
        layout = pango_cairo_create_layout(cairo)
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
        cairo_font_options_destroy(options)
        pango_layout_context_changed(layout)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
    }

    func release() { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Lays out `text` in `font` at `size` pixels, wrapped at `width`, or on one line ending in "…" if too long.
    func set(_ text: String, font: String, size: Double, width: Double, oneLine: Bool = false) {
        let description = pango_font_description_from_string(font)
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_ellipsize(layout, oneLine ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE)
        pango_layout_set_text(layout, text, -1)
    }

    var height: Double { Double(size.height) }
    var width: Double { Double(size.width) }

    private var size: (width: Int32, height: Int32) {
        var width: Int32 = 0, height: Int32 = 0
        pango_layout_get_pixel_size(layout, &width, &height)
        return (width, height)
    }

    func draw(at x: Double, _ y: Double, color: UInt32, on cairo: OpaquePointer) {
        CardRenderer.setColor(cairo, color)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
    }
}
