import Foundation
import SpasmCore

/// A FHIR R4 Bundle of type "collection" for a clinician's record system.
///
/// - An Observation per episode: LOINC 72514-3 (pain severity 0-10, reported), `valueInteger`, category
///   survey, `effectivePeriod`, `bodySite` in SNOMED CT where a code fits the region (neck 45048000,
///   lower back 37822005, upper and mid back 1141986006 "Structure of thoracic vertebral column region";
///   shoulder as text only), triggers and red flags as annotations beside the note.
/// - A MedicationStatement per medicine taken (NSAID, muscle relaxant, other): the name as text, never a dose.
/// - An Observation per caffeine entry, coded in spasm's own code system (caffeine has no LOINC code).
/// - The Patient they are about, as subject and performer; it carries no identifying data.
/// Ice, heat, rest and PT sessions are not included: R4 has no resource a clinician expects them in.
public enum FHIRBundle {
    /// spasm's local code system, for what standard terminologies do not code.
    public static let localCodeSystem = "https://spasm.invalid/fhir/CodeSystem/spasm"

    /// The bundle as JSON text. `patient` and `bundle` are fresh ids for this export; `now` is its timestamp.
    public static func render(_ entries: [Entry], patient: UUID, bundle: UUID, now: Date, utcOffset: Int) throws -> Data {
        let patientURL = "urn:uuid:\(patient.uuidString.lowercased())"
        var items: [[String: Any]] = [[
            "fullUrl": patientURL,
            "resource": ["resourceType": "Patient", "id": patient.uuidString.lowercased(), "active": true] as [String: Any],
        ]]
        for entry in entries {
            guard let resource = resource(entry, patient: patientURL) else { continue }
            items.append(["fullUrl": "urn:uuid:\(entry.uuid.uuidString.lowercased())", "resource": resource])
        }
        let document: [String: Any] = [
            "resourceType": "Bundle",
            "id": bundle.uuidString.lowercased(),
            "type": "collection",
            "timestamp": CivilTime(now, utcOffset: utcOffset).iso8601,
            "entry": items,
        ]
        var data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    static func resource(_ entry: Entry, patient: String) -> [String: Any]? {
        let id = entry.uuid.uuidString.lowercased()
        let at = CivilTime(entry.at, utcOffset: entry.utcOffset).iso8601
        let subject = ["reference": patient]
        var notes = entry.note.map { [$0] } ?? []
        switch entry.body {
        case .episode(let e):
            var period = ["start": at]
            if let end = e.endedAt { period["end"] = CivilTime(end, utcOffset: e.endedUTCOffset ?? entry.utcOffset).iso8601 }
            if !e.triggers.isEmpty { notes.append("Triggers: " + e.triggers.joined(separator: ", ")) }
            if !e.redFlags.isEmpty { notes.append("Red flags reported: " + e.redFlags.map(\.symptom).joined(separator: "; ")) }
            var resource: [String: Any] = [
                "resourceType": "Observation", "id": id, "status": "final",
                "category": [concept(system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey")],
                "code": concept(system: "http://loinc.org", code: "72514-3",
                                display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
                "subject": subject, "performer": [subject],
                "effectivePeriod": period, "valueInteger": e.severity.rawValue,
                "bodySite": bodySite(e.region, side: e.side),
            ]
            if !notes.isEmpty { resource["note"] = notes.map { ["text": $0] } }
            return resource
        case .caffeine(let c):
            var what = c.drink ?? "caffeine"
            if c.servings != 1 { what += " x\(CaffeineInput.format(c.servings))" }
            return [
                "resourceType": "Observation", "id": id, "status": "final",
                "code": concept(system: localCodeSystem, code: "caffeine-intake", display: "Caffeine intake"),
                "subject": subject, "performer": [subject], "effectiveDateTime": at,
                "valueQuantity": ["value": c.milligrams, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"] as [String: Any],
                "note": ([what] + notes).map { ["text": $0] },
            ]
        case .treatment(let t):
            guard t.kind.isMedicine else { return nil }
            if let relief = t.relief { notes.append("Relief \(relief)/10") }
            var resource: [String: Any] = [
                "resourceType": "MedicationStatement", "id": id, "status": "completed",
                "category": concept(system: "http://terminology.hl7.org/CodeSystem/medication-statement-category",
                                    code: "patientspecified", display: "Patient Specified"),
                "medicationCodeableConcept": ["text": t.name.map { "\($0) (\(t.kind.label))" } ?? t.kind.label],
                "subject": subject, "informationSource": subject, "effectiveDateTime": at,
            ]
            if !notes.isEmpty { resource["note"] = notes.map { ["text": $0] } }
            return resource
        }
    }

    static func concept(system: String, code: String, display: String) -> [String: Any] {
        ["coding": [["system": system, "code": code, "display": display]], "text": display]
    }

    static func bodySite(_ region: BodyRegion, side: BodySide?) -> [String: Any] {
        let text = region.rawValue.replacingOccurrences(of: "-", with: " ") + (side.map { ", \($0.rawValue)" } ?? "")
        let code: (String, String)? = switch region {
        case .neck: ("45048000", "Neck structure")
        case .lowerBack: ("37822005", "Lower back structure")
        case .upperBack, .midBack: ("1141986006", "Structure of thoracic vertebral column region")
        case .shoulder: nil
        }
        guard let (value, display) = code else { return ["text": text] }
        return ["coding": [["system": "http://snomed.info/sct", "code": value, "display": display]], "text": text]
    }
}
