import Foundation
import SpasmCore

/// A PEG check-in as FHIR R4 Observations: one per item and one for the score, which lists the items
/// as `hasMember`. LOINC codes the PEG (loinc.org/91148-7, "Pain intensity, Enjoyment of life, General
/// activity scale [PEG]"): average pain in the past week 75893-8, interference with enjoyment of life
/// 91145-3, with general activity 91146-1, and the mean score 91147-9 ("Mean score [PEG]", the code
/// AHRQ's CDS Connect opioid-management logic reads).
enum PEGObservations {
    /// (LOINC code, display, answer) for each item, in the scale's order.
    static func items(_ p: CheckIn) -> [(code: String, display: String, value: Int)] {
        [("75893-8", "Average pain intensity in the past week", p.pain),
         ("91145-3", "Pain interference with enjoyment of life in the past week", p.enjoyment),
         ("91146-1", "Pain interference with general activity in the past week", p.activity)]
    }

    static let scoreCode = "91147-9"

    /// A resource id for item `index` of a check-in, stable across exports: an RFC 9562 version 8 uuid
    /// made from the entry's uuid and the item by two 64-bit FNV-1a hashes. Its version differs from an
    /// entry's (4), so it never equals one; two items or two check-ins share one with odds of 2^-122.
    static func itemID(_ entry: Entry, _ index: Int) -> UUID {
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            withUnsafeBytes(of: entry.uuid.uuid) { raw in
                for byte in raw + [UInt8(index)] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
            return hash
        }
        var bytes = withUnsafeBytes(of: (fnv(0xCBF2_9CE4_8422_2325), fnv(0x6C62_272E_07BB_0142))) { Array($0) }
        bytes[6] = (bytes[6] & 0x0F) | 0x80   // version 8
        bytes[8] = (bytes[8] & 0x3F) | 0x80   // RFC 9562 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// Writes the item Observations, then the score's, each as a bundle entry.
    static func write(_ entry: Entry, _ answers: CheckIn, patient: String, to json: inout JSONText) {
        let items = items(answers)
        for (index, item) in items.enumerated() {
            observation(id: itemID(entry, index), entry: entry, patient: patient, to: &json) { json in
                json.key("code")
                FHIRBundle.concept(system: "http://loinc.org", code: item.code, display: item.display, &json)
            } value: { json in
                json.member("valueInteger") { $0.integer(item.value) }
            }
        }
        observation(id: entry.uuid, entry: entry, patient: patient, to: &json) { json in
            json.key("code")
            FHIRBundle.concept(system: "http://loinc.org", code: scoreCode, display: "Mean score [PEG]", &json)
        } value: { json in
            json.key("valueQuantity")
            json.beginObject()
            json.member("value") { $0.number((answers.score * 100).rounded() / 100) }
            json.member("unit") { $0.string("{score}") }
            json.member("system") { $0.string("http://unitsofmeasure.org") }
            json.member("code") { $0.string("{score}") }
            json.end()
            json.key("hasMember")
            json.beginArray()
            for index in items.indices {
                json.beginObject()
                json.member("reference") { $0.string("urn:uuid:\(itemID(entry, index).uuidString.lowercased())") }
                json.end()
            }
            json.end()
            if let note = entry.note { FHIRBundle.annotations([note], &json) }
        }
    }

    private static func observation(id: UUID, entry: Entry, patient: String, to json: inout JSONText,
                                    code: (inout JSONText) -> Void, value: (inout JSONText) -> Void) {
        func reference(_ json: inout JSONText) {
            json.beginObject()
            json.member("reference") { $0.string(patient) }
            json.end()
        }
        json.beginObject()
        json.member("fullUrl") { $0.string("urn:uuid:\(id.uuidString.lowercased())") }
        json.key("resource")
        json.beginObject()
        json.member("resourceType") { $0.string("Observation") }
        json.member("id") { $0.uuid(id) }
        json.member("status") { $0.string("final") }
        json.key("category")
        json.beginArray()
        FHIRBundle.concept(system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey", &json)
        json.end()
        code(&json)
        json.key("subject")
        reference(&json)
        json.member("effectiveDateTime") { $0.time(entry.at, utcOffset: entry.utcOffset) }
        json.key("performer")
        json.beginArray()
        reference(&json)
        json.end()
        value(&json)
        json.end()
        json.end()
    }
}
