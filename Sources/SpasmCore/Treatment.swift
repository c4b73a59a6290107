import Foundation

/// What the user did or took for the pain.
public enum TreatmentKind: String, Sendable, Codable, CaseIterable {
    case ice
    case heat
    case supineRest = "supine-rest"
    case pt
    case nsaid
    case muscleRelaxant = "muscle-relaxant"
    case medication

    public init(parsing text: String) throws(InputError) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let kind = TreatmentKind(rawValue: key) { self = kind; return }
        switch key {
        case "rest", "supine": self = .supineRest
        case "physio", "exercise", "exercises": self = .pt
        case "nsaids": self = .nsaid
        case "relaxant", "muscle-relaxants": self = .muscleRelaxant
        case "med", "meds", "medicine": self = .medication
        default: throw .unknown("treatment", text, among: TreatmentKind.allCases.map(\.rawValue))
        }
    }

    /// Medicines: spasm records what was taken and never suggests a dose.
    public var isMedicine: Bool { self == .nsaid || self == .muscleRelaxant || self == .medication }
}

/// A treatment session or a medicine taken.
public struct Treatment: Sendable, Codable, Equatable {
    public var kind: TreatmentKind
    /// How long it lasted (ice, heat, rest, PT); nil when not said.
    public var minutes: Int?
    /// Relief the user felt, 0 (none) to 10 (complete).
    public var relief: Int?
    /// Product name for a medicine, as the user wrote it.
    public var name: String?

    public init(kind: TreatmentKind, minutes: Int? = nil, relief: Int? = nil, name: String? = nil) throws(InputError) {
        if let minutes, !(1...24 * 60).contains(minutes) {
            throw InputError("minutes", "\(minutes) is not a duration spasm can record", hint: "use 1 to 1440")
        }
        if let relief, !(0...10).contains(relief) {
            throw InputError("relief", "\(relief) is outside 0-10", hint: "use 0 (no relief) to 10 (complete relief)")
        }
        if let name { try TextField.validateLabel(name, parameter: "name") }
        self.kind = kind
        self.minutes = minutes
        self.relief = relief
        self.name = name.map(TextField.collapseWhitespace)
    }
}

extension Treatment {
    /// A treatment read back from the journal, already validated when it was written.
    public init(unchecked kind: TreatmentKind, minutes: Int?, relief: Int?, name: String?) {
        self.kind = kind
        self.minutes = minutes
        self.relief = relief
        self.name = name
    }
}

extension Treatment {
    enum CodingKeys: String, CodingKey { case kind, minutes, relief, name }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(kind: try c.decode(TreatmentKind.self, forKey: .kind),
                          minutes: try c.decodeIfPresent(Int.self, forKey: .minutes),
                          relief: try c.decodeIfPresent(Int.self, forKey: .relief),
                          name: try c.decodeIfPresent(String.self, forKey: .name))
        } catch let error as InputError {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: error.description))
        }
    }
}

