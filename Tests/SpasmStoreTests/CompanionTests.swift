import Foundation
import Testing
import SpasmStore

/// `spasm` and `spasmd` find spasm-render and spasm-notify beside themselves (scripts/install, the
/// build directory) or in ../libexec/spasm (the Debian package's /usr/bin and /usr/libexec/spasm).
@Suite struct CompanionTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("companion-\(UUID().uuidString)").path

    private func program(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755]))
    }

    @Test func findsTheHelperInLibexecWhenNoneIsBesideTheProgram() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try program("\(root)/usr/bin/spasm")
        try program("\(root)/usr/libexec/spasm/spasm-render")
        #expect(Locations.companion(named: "spasm-render", variable: "SPASM_RENDER", environment: [:],
                                    executable: "\(root)/usr/bin/spasm") == "\(root)/usr/libexec/spasm/spasm-render")
    }

    @Test func prefersTheHelperBesideTheProgram() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try program("\(root)/bin/spasmd")
        try program("\(root)/bin/spasm-notify")
        try program("\(root)/libexec/spasm/spasm-notify")
        #expect(Locations.companion(named: "spasm-notify", variable: "SPASM_NOTIFY", environment: [:],
                                    executable: "\(root)/bin/spasmd") == "\(root)/bin/spasm-notify")
    }

    @Test func namesThePlaceBesideTheProgramWhenTheHelperIsNowhere() {
        #expect(Locations.companion(named: "spasm-render", variable: "SPASM_RENDER", environment: [:],
                                    executable: "\(root)/bin/spasm") == "\(root)/bin/spasm-render")
    }

    @Test func theVariableWins() {
        #expect(Locations.companion(named: "spasm-render", variable: "SPASM_RENDER", environment: ["SPASM_RENDER": "/opt/r"],
                                    executable: "\(root)/bin/spasm") == "/opt/r")
    }
}
