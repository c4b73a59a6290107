import Foundation
import Testing
@testable import SpasmStore

@Suite struct UUIDTextTests {
    @Test func readsWhatFoundationReads() {
        for _ in 0..<100 {
            let uuid = UUID()
            #expect(UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
        }
    }

    @Test(arguments: ["", "not-a-uuid", "4b1a4ad2-3c1e-4c4e-9d2e-00000000000g",
                      "4b1a4ad2x3c1e-4c4e-9d2e-000000000001", "4b1a4ad2-3c1e-4c4e-9d2e-0000000000011"])
    func refusesAnythingElse(text: String) {
        #expect(UUIDText.parse(text) == nil)
    }
}
