import Foundation
import Testing
@testable import SpasmCLI

@Suite struct JSONOutputTests {
    struct Sample: Encodable {
        var triggers: [String] = []
        var tags: [String] = ["lifting"]
        var nested: [String: [Int]] = ["empty": [], "full": [1]]
        var none: [String: Int] = [:]
        var text = "[  ] and {\n} and \"[ ]\" \\ stay as they are"
    }

    func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    @Test func emptyArraysAndObjectsAreWrittenOnOneLine() throws {
        let pretty = try encoded(Sample())
        let closed = String(decoding: JSONOutput.closingEmptyContainers(pretty), as: UTF8.self)
        #expect(closed.contains("\"triggers\" : []\n}"))
        #expect(closed.contains("\"empty\" : [],"))
        #expect(closed.contains("\"none\" : {},"))
        #expect(closed.contains("\"tags\" : [\n    \"lifting\"\n  ]"))
        #expect(JSONOutput.closingEmptyContainers(try encoded([String]())) == Data("[]".utf8))
    }

    @Test func theValueIsUnchanged() throws {
        let pretty = try encoded(Sample())
        let before = try JSONSerialization.jsonObject(with: pretty) as? NSDictionary
        let after = try JSONSerialization.jsonObject(with: JSONOutput.closingEmptyContainers(pretty)) as? NSDictionary
        #expect(before != nil && before == after)
        #expect((after?["text"] as? String) == Sample().text)
    }
}
