import Logging
import SpasmSystemd
import Testing

@Suite struct JournaldLogHandlerTests {
    let sink = MemoryJournalSink()

    func logger(level: Logger.Level = .trace) -> Logger {
        Logger(label: "spasmd.scheduler") { [sink] _ in JournaldLogHandler(identifier: "spasmd", sink: sink, logLevel: level) }
    }

    @Test func anEventBecomesOneStructuredEntry() throws {
        var logger = logger()
        logger[metadataKey: "reminder"] = "ice"
        let line = #line + 1
        logger.notice("Ice reminder armed", metadata: MessageID.started.metadata.merging(["due-at": "14:30"]) { $1 })

        #expect(sink.entries == [[
            JournalField("MESSAGE", "Ice reminder armed"),
            JournalField("PRIORITY", "5"),
            JournalField("CODE_FILE", "SpasmSystemdTests/JournaldLogHandlerTests.swift"),
            JournalField("CODE_LINE", String(line)),
            JournalField("CODE_FUNC", "anEventBecomesOneStructuredEntry()"),
            JournalField("SYSLOG_IDENTIFIER", "spasmd"),
            JournalField("MESSAGE_ID", "c4f4e6679f64497aac0c5cf3c265f4a6"),
            JournalField("SPASM_DUE_AT", "14:30"),
            JournalField("SPASM_REMINDER", "ice"),
        ]])
    }

    @Test(arguments: [
        (Logger.Level.trace, "7"), (.debug, "7"), (.info, "6"), (.notice, "5"),
        (.warning, "4"), (.error, "3"), (.critical, "2"),
    ])
    func eachLevelHasItsSyslogPriority(level: Logger.Level, priority: String) {
        logger().log(level: level, "Heat pad left on")
        #expect(sink.entries.first?.first { $0.name == "PRIORITY" }?.value == priority)
    }

    @Test func levelsBelowTheConfiguredOneAreNotWritten() {
        let logger = logger(level: .warning)
        logger.info("Planner ran")
        logger.warning("Notification server gone")
        #expect(sink.entries.map { $0.first?.value } == ["Notification server gone"])
    }

    @Test func metadataKeysBecomeValidSpasmFieldNames() {
        let long = String(repeating: "k", count: 80)
        logger().info("Snoozed", metadata: ["snooze.minutes": "10", "Käse Brot": "1", "peer_uid": "1000", long: "x"])
        let names = sink.entries.first?.filter { $0.name.hasPrefix("SPASM_") }.map(\.name)
        #expect(names == ["SPASM_K_SE_BROT", "SPASM_" + String(repeating: "K", count: 58), "SPASM_PEER_UID", "SPASM_SNOOZE_MINUTES"])
    }

    @Test func aMessageIDIsWrittenInJournaldSpelling() {
        logger().info("Started", metadata: ["message_id": "C4F4E6679F64497AAC0C5CF3C265F4A6"])
        #expect(sink.entries.first?.contains(JournalField("MESSAGE_ID", "c4f4e6679f64497aac0c5cf3c265f4a6")) == true)
    }

    @Test func aMessageIDThatIsNoIDIsKeptAsSpasmMetadata() {
        logger().info("Started", metadata: ["message_id": "started"])
        let entry = sink.entries.first ?? []
        #expect(!entry.contains { $0.name == "MESSAGE_ID" })
        #expect(entry.contains(JournalField("SPASM_MESSAGE_ID", "started")))
    }

    @Test func theCallsMetadataWinsOverTheLoggers() {
        var logger = logger()
        logger[metadataKey: "reminder"] = "ice"
        logger.info("Switched", metadata: ["reminder": "heat"])
        #expect(sink.entries.first?.filter { $0.name == "SPASM_REMINDER" } == [JournalField("SPASM_REMINDER", "heat")])
    }

    @Test func anAttachedErrorIsWritten() {
        struct Full: Error, CustomStringConvertible { var description: String { "database or disk is full" } }
        let handler = JournaldLogHandler(identifier: "spasmd", sink: sink)
        handler.log(event: LogEvent(level: .error, message: "Could not save", error: Full(), metadata: nil,
                                    source: nil, file: "F.swift", function: "f()", line: 1))
        #expect(sink.entries.first?.contains(JournalField("SPASM_ERROR", "database or disk is full")) == true)
    }

    @Test func messageIDsAreDistinct128BitIDs() {
        let ids = MessageID.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy { $0.isHexDigit && !$0.isUppercase } })
    }
}
