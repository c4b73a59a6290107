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
/// - An Observation per activity (`spasm activity`), category "activity" (R4's observation-category for
///   bodily activity), coded in spasm's own code system ("activity-performed": neither LOINC nor SNOMED CT
///   has a code for a free-named everyday activity), the activity's name as `valueCodeableConcept.text`,
///   and `effectivePeriod` from its start to its end when it lasted, else `effectiveDateTime`. An
///   Observation fits better than a Procedure (done to or by a patient as care) or an ActivityDefinition
///   (a plan, not a record): it records what the person did, when, as they reported it.
/// - Per PEG check-in, an Observation per item and one for the score that has them as members
///   (`PEGObservations`).
/// - The Patient they are about, as subject and performer; it carries no identifying data.
/// Ice, heat, rest and PT sessions are not included: R4 has no resource a clinician expects them in.
public enum FHIRBundle {
    /// spasm's local code system, for what standard terminologies do not code.
    public static let localCodeSystem = "https://spasm.invalid/fhir/CodeSystem/spasm"

    /// The bundle as JSON text. `patient` and `bundle` are fresh ids for this export; `now` is its timestamp.
    public static func render(_ entries: [Entry], patient: UUID, bundle: UUID, now: Date, utcOffset: Int) -> Data {
        let patientURL = "urn:uuid:\(patient.uuidString.lowercased())"
        var json = JSONText(capacity: 1200 * entries.count + 1000)
        json.beginObject()
        json.member("resourceType") { $0.string("Bundle") }
        json.member("id") { $0.uuid(bundle) }
        json.member("type") { $0.string("collection") }
        json.member("timestamp") { $0.time(now, utcOffset: utcOffset) }
        json.key("entry")
        json.beginArray()
        json.beginObject()
        json.member("fullUrl") { $0.string(patientURL) }
        json.key("resource")
        json.beginObject()
        json.member("resourceType") { $0.string("Patient") }
        json.member("id") { $0.uuid(patient) }
        json.member("active") { $0.bool(true) }
        json.end()
        json.end()
        for entry in entries where entry.treatment.map({ $0.kind.isMedicine }) ?? true {
            if case .checkin(let answers) = entry.body {
                PEGObservations.write(entry, answers, patient: patientURL, to: &json)
                continue
            }
            json.beginObject()
            json.member("fullUrl") { $0.string("urn:uuid:\(entry.uuid.uuidString.lowercased())") }
            json.key("resource")
            write(entry, patient: patientURL, to: &json)
            json.end()
        }
        json.end()
        json.end()
        json.appendNewline()
        return Data(json.bytes)
    }

    static func write(_ entry: Entry, patient: String, to json: inout JSONText) {
        func subject(_ json: inout JSONText) {
            json.beginObject()
            json.member("reference") { $0.string(patient) }
            json.end()
        }
        var notes = entry.note.map { [$0] } ?? []
        json.beginObject()
        switch entry.body {
        case .episode(let e):
            observation(entry, category: ("survey", "Survey"),
                        code: ("http://loinc.org", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"), &json)
            json.key("subject")
            subject(&json)
            json.key("effectivePeriod")
            json.beginObject()
            json.member("start") { $0.time(entry.at, utcOffset: entry.utcOffset) }
            if let end = e.endedAt { json.member("end") { $0.time(end, utcOffset: e.endedUTCOffset ?? entry.utcOffset) } }
            json.end()
            json.key("performer")
            json.beginArray()
            subject(&json)
            json.end()
            json.member("valueInteger") { $0.integer(e.severity.rawValue) }
            if !e.triggers.isEmpty { notes.append("Triggers: " + e.triggers.joined(separator: ", ")) }
            if !e.redFlags.isEmpty { notes.append("Red flags reported: " + e.redFlags.map(\.symptom).joined(separator: "; ")) }
            annotations(notes, &json)
            json.key("bodySite")
            bodySite(e.region, side: e.side, &json)
        case .caffeine(let c):
            json.member("resourceType") { $0.string("Observation") }
            json.member("id") { $0.uuid(entry.uuid) }
            json.member("status") { $0.string("final") }
            json.key("code")
            concept(system: localCodeSystem, code: "caffeine-intake", display: "Caffeine intake", &json)
            json.key("subject")
            subject(&json)
            json.member("effectiveDateTime") { $0.time(entry.at, utcOffset: entry.utcOffset) }
            json.key("performer")
            json.beginArray()
            subject(&json)
            json.end()
            json.key("valueQuantity")
            json.beginObject()
            json.member("value") { $0.number(c.milligrams) }
            json.member("unit") { $0.string("mg") }
            json.member("system") { $0.string("http://unitsofmeasure.org") }
            json.member("code") { $0.string("mg") }
            json.end()
            var what = c.drink ?? "caffeine"
            if c.servings != 1 { what += " x\(CaffeineInput.format(c.servings))" }
            annotations([what] + notes, &json)
        case .treatment(let t):
            json.member("resourceType") { $0.string("MedicationStatement") }
            json.member("id") { $0.uuid(entry.uuid) }
            json.member("status") { $0.string("completed") }
            json.key("category")
            concept(system: "http://terminology.hl7.org/CodeSystem/medication-statement-category",
                    code: "patientspecified", display: "Patient Specified", &json)
            json.key("medicationCodeableConcept")
            json.beginObject()
            json.member("text") { $0.string(t.name.map { "\($0) (\(t.kind.label))" } ?? t.kind.label) }
            json.end()
            json.key("subject")
            subject(&json)
            json.member("effectiveDateTime") { $0.time(entry.at, utcOffset: entry.utcOffset) }
            json.key("informationSource")
            subject(&json)
            if let relief = t.relief { notes.append("Relief \(relief)/10") }
            annotations(notes, &json)
        case .checkin:
            break   // PEGObservations writes these, several resources per entry.
        case .activity(let a):
            observation(entry, category: ("activity", "Activity"), code: (localCodeSystem, "activity-performed", "Activity performed"), &json)
            json.key("subject")
            subject(&json)
            if let minutes = a.minutes {
                json.key("effectivePeriod")
                json.beginObject()
                json.member("start") { $0.time(entry.at, utcOffset: entry.utcOffset) }
                json.member("end") { $0.time(entry.at.addingTimeInterval(Double(minutes) * 60), utcOffset: entry.utcOffset) }
                json.end()
            } else {
                json.member("effectiveDateTime") { $0.time(entry.at, utcOffset: entry.utcOffset) }
            }
            json.key("performer")
            json.beginArray()
            subject(&json)
            json.end()
            json.key("valueCodeableConcept")
            json.beginObject()
            json.member("text") { $0.string(a.name) }
            json.end()
            annotations(notes, &json)
        }
        json.end()
    }

    /// An Observation's first members: its type, id, status, category (R4's observation-category) and code.
    static func observation(_ entry: Entry, category: (code: String, display: String), code: (system: String, code: String, display: String),
                            _ json: inout JSONText) {
        json.member("resourceType") { $0.string("Observation") }
        json.member("id") { $0.uuid(entry.uuid) }
        json.member("status") { $0.string("final") }
        json.key("category")
        json.beginArray()
        concept(system: "http://terminology.hl7.org/CodeSystem/observation-category", code: category.code, display: category.display, &json)
        json.end()
        json.key("code")
        concept(system: code.system, code: code.code, display: code.display, &json)
    }

    static func annotations(_ notes: [String], _ json: inout JSONText) {
        guard !notes.isEmpty else { return }
        json.key("note")
        json.beginArray()
        for note in notes {
            json.beginObject()
            json.member("text") { $0.string(note) }
            json.end()
        }
        json.end()
    }

    static func concept(system: String, code: String, display: String, text: String? = nil, _ json: inout JSONText) {
        json.beginObject()
        json.key("coding")
        json.beginArray()
        json.beginObject()
        json.member("system") { $0.string(system) }
        json.member("code") { $0.string(code) }
        json.member("display") { $0.string(display) }
        json.end()
        json.end()
        json.member("text") { $0.string(text ?? display) }
        json.end()
    }

    static func bodySite(_ region: BodyRegion, side: BodySide?, _ json: inout JSONText) {
        let text = region.rawValue.replacingOccurrences(of: "-", with: " ") + (side.map { ", \($0.rawValue)" } ?? "")
        switch region {
        case .neck: concept(system: "http://snomed.info/sct", code: "45048000", display: "Neck structure", text: text, &json)
        case .lowerBack: concept(system: "http://snomed.info/sct", code: "37822005", display: "Lower back structure", text: text, &json)
        case .upperBack, .midBack:
            concept(system: "http://snomed.info/sct", code: "1141986006", display: "Structure of thoracic vertebral column region", text: text, &json)
        case .shoulder:
            json.beginObject()
            json.member("text") { $0.string(text) }
            json.end()
        }
    }
}
