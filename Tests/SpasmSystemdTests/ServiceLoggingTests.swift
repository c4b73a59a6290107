import Foundation
import Logging
import SpasmSystemd
import Testing

@Suite struct ServiceLoggingTests {
    @Test(arguments: [(nil, Logger.Level.info), ("", .info), ("debug", .debug), (" Warning ", .warning), ("TRACE", .trace)])
    func theLevelVariableNamesTheLowestLevel(value: String?, level: Logger.Level) {
        #expect(ServiceLogging.level(named: value) == level)
    }

    @Test(arguments: ["loud", "5", "warn"])
    func aValueThatNamesNoLevelIsRejected(value: String) {
        #expect(ServiceLogging.level(named: value) == nil)
    }
}

@Suite struct LogDestinationTests {
    /// A file opened for writing, and its device and inode as `stat` reports them.
    struct OpenFile {
        let handle: FileHandle
        let identity: String
    }

    func openFile(in scratch: ScratchDirectory, _ name: String) throws -> OpenFile {
        let path = scratch.path + "/" + name
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let device = try #require(attributes[.systemNumber] as? Int)
        let inode = try #require(attributes[.systemFileNumber] as? Int)
        return OpenFile(handle: try FileHandle(forWritingTo: URL(fileURLWithPath: path)), identity: "\(device):\(inode)")
    }

    @Test func journalWhenTheStreamIsThisStandardError() throws {
        let scratch = try ScratchDirectory()
        let stderr = try openFile(in: scratch, "stderr")
        #expect(LogDestination.detect(journalStream: stderr.identity, standardError: stderr.handle.fileDescriptor) == .journal)
    }

    @Test func standardErrorWhenTheStreamIsAnotherFile() throws {
        let scratch = try ScratchDirectory()
        let stderr = try openFile(in: scratch, "stderr")
        let inherited = try openFile(in: scratch, "parent-stderr")
        #expect(LogDestination.detect(journalStream: inherited.identity, standardError: stderr.handle.fileDescriptor) == .standardError)
    }

    @Test(arguments: [nil, "", "12", "12:", ":34", "a:b", "1:2:3"])
    func standardErrorWithoutAUsableStream(value: String?) {
        #expect(LogDestination.detect(journalStream: value) == .standardError)
    }
}

/// The probe bootstraps logging in its own process and logs one warning, away from journald.
@Suite struct ServiceLoggingBootstrapTests {
    func probeErrors(level: String) throws -> String {
        let probe = try ChildProcess([probePath, "log"], environment: ["PATH": "/usr/bin:/bin", "SPASMD_LOG_LEVEL": level])
        let result = probe.finish()
        #expect(result.status == 0)
        return result.errors
    }

    @Test func aLevelAboveTheEventSilencesIt() throws {
        #expect(try probeErrors(level: "error").isEmpty)
        #expect(try probeErrors(level: "warning").contains("Ice reminder armed"))
    }

    @Test func aLevelThatIsNoneIsReportedAndInfoIsUsed() throws {
        let errors = try probeErrors(level: "loud")
        #expect(errors.contains("SPASMD_LOG_LEVEL=loud names no log level; logging at info. Use one of: trace, debug, info, notice, warning, error, critical"))
        #expect(errors.contains("Ice reminder armed"))
    }
}
