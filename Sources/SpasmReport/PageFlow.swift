/// Lays measured pieces of content down pages, so nothing is drawn past the footer line or on top of
/// something else: a piece that does not fit starts the next page, never overlaps or gets clipped.
///
/// Pieces are measured (laid out by pango) before they are placed, and drawn only once every page is
/// known, so a piece may say "page N of M" or point at the page another piece landed on.
struct PageFlow {
    /// Something to draw, `height` points tall, with its top edge at the `y` it is given.
    struct Piece {
        var height: Double
        /// Space above it, left out at the top of a page.
        var space = 0.0
        /// A heading or a label: moves to the next page with the piece after it rather than end a page.
        var keepWithNext = false
        /// Learns the page the piece lands on.
        var reference: PageReference? = nil
        var draw: (_ y: Double) -> Void
    }

    /// A run of pieces under one heading, and the line repeated at the top of each page it continues on.
    struct Section {
        var pieces: [Piece]
        var continued: Piece?
        /// Starts on a fresh page (the log), rather than below what came before.
        var newPage = false
        /// Pieces that must all be on page one, or the page says what moved on.
        var pageOne = false
    }

    /// Where content may go on every page: from `top` down to `bottom` (above the footer line).
    let top: Double
    let bottom: Double
    /// Page one keeps this much above `bottom` free for "continued on page 2".
    let pageOneReserve: Double

    /// The pieces of each page with their y, in order.
    private(set) var pages: [[(piece: Piece, y: Double)]] = [[]]
    /// Whether part of page one's own content moved to later pages.
    private(set) var pageOneOverflowed = false

    init(top: Double, bottom: Double, pageOneReserve: Double) {
        self.top = top
        self.bottom = bottom
        self.pageOneReserve = pageOneReserve
    }

    private var y: Double? = nil

    /// Places the sections in order, breaking pages where the next piece would cross `bottom`.
    mutating func place(_ sections: [Section]) {
        for section in sections {
            if section.newPage, !(pages.last?.isEmpty ?? true) { startPage() }
            for (index, piece) in section.pieces.enumerated() {
                let limit = pages.count == 1 ? bottom - pageOneReserve : bottom
                let current = y ?? top
                let atTop = pages.last!.isEmpty
                var needed = (atTop ? 0 : piece.space) + piece.height
                // A heading takes the next piece along: never a heading alone at the foot of a page.
                var next = index
                while section.pieces[next].keepWithNext, next + 1 < section.pieces.count {
                    next += 1
                    needed += section.pieces[next].space + section.pieces[next].height
                }
                if current + needed > limit, !atTop {
                    if pages.count == 1, section.pageOne { pageOneOverflowed = true }
                    startPage()
                    if index > 0, let continued = section.continued { put(continued) }
                }
                put(piece)
            }
        }
    }

    /// Number of pages the content needs.
    var pageCount: Int { pages.count }

    private mutating func startPage() {
        pages.append([])
        y = nil
    }

    private mutating func put(_ piece: Piece) {
        let current = y ?? top
        let atTop = pages.last!.isEmpty
        let at = atTop ? current : current + piece.space
        pages[pages.count - 1].append((piece, at))
        if let reference = piece.reference, reference.page == 0 { reference.page = pages.count }
        y = at + piece.height
    }

    /// Draws page `index` (0-based): every piece at the y it was given.
    func draw(page index: Int) {
        for (piece, y) in pages[index] { piece.draw(y) }
    }
}

/// A page number learned only once the pages are laid out ("in full on page 3").
final class PageReference {
    var page = 0
}
