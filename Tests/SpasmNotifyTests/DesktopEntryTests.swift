import Foundation
import Testing

/// The desktop entry that notifications name in their "desktop-entry" hint.
@Suite struct DesktopEntryTests {
    let entry = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("share/applications/spasm.desktop").path

    @Test func desktopFileValidateAcceptsIt() throws {
        let validator = "/usr/bin/desktop-file-validate"
        try #require(FileManager.default.isExecutableFile(atPath: validator),
                     "desktop-file-validate is missing: apt-get install desktop-file-utils (scripts/test does)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = [entry]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.isEmpty, "\(text)")
    }

    @Test func itSaysItsAppSendsNotifications() throws {
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        #expect(text.contains("\nX-GNOME-UsesNotifications=true\n"))
        #expect(text.contains("\nExec=spasm today\n"))
    }
}
