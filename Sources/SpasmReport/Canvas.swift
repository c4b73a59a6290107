import CCairo
import Foundation

/// The one file that touches cairo and pango: a PDF being drawn, page by page, into memory.
///
/// cairo embeds subsets of the fonts it uses; pango shapes every script (bidirectional text included)
/// and falls back through fontconfig to a font that has the glyph (CJK, emoji).
final class Canvas {
    let width: Double
    let height: Double
    private let sink = Sink()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    /// One pango context for every layout: creating one per layout costs more than the layout itself.
    private let pango: OpaquePointer

    final class Sink { var data = Data() }

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
        let write: cairo_write_func_t = { closure, bytes, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.data.append(bytes!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        cr = cairo_create(surface)
        pango = pango_cairo_create_context(cr)
    }

    /// Sets the document's title and creator in the PDF's information dictionary.
    func setMetadata(title: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "spasm")
    }

    /// Ends the current page and starts the next.
    func newPage() { cairo_show_page(cr) }

    /// Finishes the document and returns the PDF's bytes.
    func finish() throws -> Data {
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError("cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.data
    }

    // MARK: Shapes

    func fill(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ color: Color) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_rectangle(cr, x, y, w, h)
        cairo_fill(cr)
    }

    func stroke(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ color: Color, lineWidth: Double = 0.8) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_set_line_width(cr, lineWidth)
        cairo_rectangle(cr, x, y, w, h)
        cairo_stroke(cr)
    }

    func line(from: (Double, Double), to: (Double, Double), _ color: Color, width: Double = 0.5) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, from.0, from.1)
        cairo_line_to(cr, to.0, to.1)
        cairo_stroke(cr)
    }

    // MARK: Text

    /// Lays out plain text (never markup: notes are shown as typed) in `width` points, wrapping words.
    /// With `maxLines`, text beyond that many lines ends in "…" and the block says it was cut; the first
    /// `boldPrefix` bytes are set in bold (an attribute, so the text itself is never read as markup).
    func text(_ text: String, _ font: Font, width: Double? = nil, align: Alignment = .left, maxLines: Int? = nil, boldPrefix: Int = 0) -> TextBlock {
        let layout = pango_layout_new(pango)!
        pango_layout_set_font_description(layout, font.description)
        if let width {
            pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        if let maxLines {
            // A negative height counts lines per paragraph: one paragraph, at most `maxLines` lines.
            pango_layout_set_single_paragraph_mode(layout, 1)
            pango_layout_set_height(layout, Int32(-maxLines))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        }
        pango_layout_set_alignment(layout, align.pango)
        pango_layout_set_text(layout, text, -1)
        if boldPrefix > 0 {
            let attributes = pango_attr_list_new()
            let bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD)!
            bold.pointee.start_index = 0
            bold.pointee.end_index = guint(boldPrefix)
            pango_attr_list_insert(attributes, bold)
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return TextBlock(layout: layout, width: Double(w) / Double(PANGO_SCALE), height: Double(h) / Double(PANGO_SCALE))
    }

    /// Draws a laid-out block with its top left corner at (x, y).
    func draw(_ block: TextBlock, x: Double, y: Double, _ color: Color = .ink) {
        cairo_set_source_rgb(cr, color.r, color.g, color.b)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, block.layout)
    }

    /// Lays out and draws in one step; returns the height used.
    @discardableResult
    func write(_ string: String, _ font: Font, x: Double, y: Double, width: Double? = nil, _ color: Color = .ink, align: Alignment = .left) -> Double {
        let block = text(string, font, width: width, align: align)
        draw(block, x: x, y: y, color)
        return block.height
    }

    enum Alignment {
        case left, center, right
        var pango: PangoAlignment {
            switch self {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
        }
    }
}

/// A paragraph laid out by pango, ready to draw; frees its layout when dropped.
final class TextBlock {
    fileprivate let layout: OpaquePointer
    let width: Double
    let height: Double

    fileprivate init(layout: OpaquePointer, width: Double, height: Double) {
        self.layout = layout
        self.width = width
        self.height = height
    }

    /// Whether `maxLines` cut the text short.
    var isCut: Bool { pango_layout_is_ellipsized(layout) != 0 }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
}

/// A font by fontconfig family and size; pango falls back per glyph to fonts that cover it.
final class Font: @unchecked Sendable {
    fileprivate let description: OpaquePointer

    init(_ family: String = "Noto Sans", size: Double, bold: Bool = false) {
        description = pango_font_description_from_string("\(family)\(bold ? " Bold" : "") \(size)")
    }

    deinit { pango_font_description_free(description) }
}

struct Color {
    var r: Double, g: Double, b: Double
    static let ink = Color(r: 0.1, g: 0.1, b: 0.12)
    static let muted = Color(r: 0.42, g: 0.42, b: 0.45)
    static let rule = Color(r: 0.8, g: 0.8, b: 0.82)
    static let shade = Color(r: 0.95, g: 0.95, b: 0.96)
    static let alert = Color(r: 0.72, g: 0.1, b: 0.1)
    static let alertShade = Color(r: 0.99, g: 0.93, b: 0.92)
    static let mild = Color(r: 0.98, g: 0.8, b: 0.45)
    static let moderate = Color(r: 0.93, g: 0.5, b: 0.2)
    static let severe = Color(r: 0.7, g: 0.1, b: 0.12)
}

/// Why the report could not be drawn.
struct RenderError: Error, CustomStringConvertible {
    var description: String
    /// The exit status: 65 for input that cannot be rendered, 74 when the output cannot be written.
    var status: Int32
    init(_ description: String, status: Int32 = 65) {
        self.description = description
        self.status = status
    }
}
