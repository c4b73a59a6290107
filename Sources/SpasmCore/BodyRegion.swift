import Foundation

/// Where an episode is felt.
public enum BodyRegion: String, Sendable, Codable, CaseIterable {
    case neck
    case upperBack = "upper-back"
    case midBack = "mid-back"
    case lowerBack = "lower-back"
    case shoulder

    /// Reads a region as typed, accepting a few spellings people use ("low-back", "lower back").
    public init(parsing text: String) throws(InputError) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let region = BodyRegion(rawValue: key) { self = region; return }
        switch key {
        case "low-back", "lumbar", "lowerback": self = .lowerBack
        case "upperback", "thoracic": self = .upperBack
        case "midback", "middle-back": self = .midBack
        case "cervical": self = .neck
        case "shoulders": self = .shoulder
        default: throw .unknown("region", text, among: BodyRegion.allCases.map(\.rawValue))
        }
    }
}

/// Which side of the body, when the user says.
public enum BodySide: String, Sendable, Codable, CaseIterable {
    case left, right, both

    public init(parsing text: String) throws(InputError) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case "l": self = .left
        case "r": self = .right
        default:
            guard let side = BodySide(rawValue: key) else {
                throw .unknown("side", text, among: BodySide.allCases.map(\.rawValue))
            }
            self = side
        }
    }
}
