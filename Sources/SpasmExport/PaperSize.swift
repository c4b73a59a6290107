/// The PDF's paper: A4 almost everywhere, US Letter where the locale says so.
public enum PaperSize: String, Sendable, CaseIterable {
    case a4, letter

    /// Width and height in PostScript points (1/72 inch).
    public var points: (width: Double, height: Double) {
        switch self {
        case .a4: (595.28, 841.89)
        case .letter: (612, 792)
        }
    }

    /// The paper for a configured value ("a4", "letter" or "auto") and the environment's locale.
    public static func resolve(_ configured: String, environment: [String: String]) -> PaperSize {
        if let paper = PaperSize(rawValue: configured) { return paper }
        // POSIX precedence: LC_ALL, then the category, then LANG.
        let locale = ["LC_ALL", "LC_PAPER", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return territory(of: locale).map(letterTerritories.contains) == true ? .letter : .a4
    }

    /// "en_US.UTF-8" → "US".
    static func territory(of locale: String) -> String? {
        guard let underscore = locale.firstIndex(of: "_") else { return nil }
        let rest = locale[locale.index(after: underscore)...]
        return String(rest.prefix { $0.isLetter })
    }

    /// Territories whose glibc locales use Letter paper.
    static let letterTerritories: Set<String> = ["US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO", "BZ"]
}
