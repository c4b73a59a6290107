import Foundation
import Testing
@testable import SpasmIPC

@Suite struct VarlinkFramerTests {
    @Test func messagesSplitAcrossReadsAreReassembled() throws {
        var framer = VarlinkFramer(limit: 1024)
        try framer.append(Array("{\"method\":\"a.b.C\"".utf8))
        #expect(try framer.next() == nil)
        try framer.append(Array("}\u{0}{\"method\":".utf8))
        #expect(try framer.next() == Array("{\"method\":\"a.b.C\"}".utf8))
        #expect(try framer.next() == nil)
        #expect(framer.pendingCount == 10)
        try framer.append(Array("\"x.y.Z\"}\u{0}".utf8))
        #expect(try framer.next() == Array("{\"method\":\"x.y.Z\"}".utf8))
        #expect(framer.pendingCount == 0)
    }

    @Test func severalMessagesInOneRead() throws {
        var framer = VarlinkFramer(limit: 1024)
        try framer.append(Array("{}\u{0}{}\u{0}{}\u{0}".utf8))
        var count = 0
        while try framer.next() != nil { count += 1 }
        #expect(count == 3)
    }

    @Test func aMessageOverTheLimitIsRefused() throws {
        var framer = VarlinkFramer(limit: 16)
        #expect(throws: VarlinkFramer.Oversized.self) { try framer.append([UInt8](repeating: 65, count: 17)) }
        var second = VarlinkFramer(limit: 16)
        try second.append([UInt8](repeating: 65, count: 17) + [0])
        #expect(throws: VarlinkFramer.Oversized.self) { try second.next() }
    }
}

@Suite struct VarlinkCodingTests {
    @Test func aDecodingErrorNamesTheParameter() {
        struct P: Decodable { var id: Int }
        do {
            _ = try VarlinkCoding.parameters(P.self, of: Array(#"{"method":"x","parameters":{"id":"seven"}}"#.utf8))
            Issue.record("decoded a string as an int")
        } catch {
            #expect(error == .invalidParameter("id"))
        }
        do {
            _ = try VarlinkCoding.parameters(P.self, of: Array(#"{"method":"x"}"#.utf8))
            Issue.record("decoded a missing parameter")
        } catch {
            #expect(error == .invalidParameter("id"))
        }
    }

    @Test func framesEndInNUL() throws {
        let frame = try VarlinkCoding.frame(VarlinkReply(JSONValue.object(["a": .number(1)])))
        #expect(frame.last == 0)
        #expect(String(decoding: frame.dropLast(), as: UTF8.self) == #"{"parameters":{"a":1}}"#)
    }

    @Test func theInterfaceDescriptionNamesEveryMethod() {
        for method in JournalInterface.Method.allCases {
            #expect(JournalInterface.description.contains("method \(method.rawValue)("))
        }
        #expect(JournalInterface.description.contains("interface io.spasm.Journal"))
    }
}
