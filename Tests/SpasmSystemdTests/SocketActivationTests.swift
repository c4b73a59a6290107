import Foundation
import SpasmSystemd
import Testing

/// The probe started the way systemd starts spasmd.socket's service: systemd-socket-activate opens
/// the listening socket, waits for the first client, then execs the probe with the socket as fd 3.
@Suite struct SocketActivationTests {
    @Test func theServiceReceivesTheNamedListeningSocket() throws {
        let scratch = try ScratchDirectory()
        let socketPath = scratch.path + "/spasmd.sock"
        let activator = try ChildProcess([
            "/usr/bin/systemd-socket-activate", "--listen=" + socketPath, "--fdname=control", probePath, "sockets",
        ])
        let listening = activator.errorsUntil("Listening on")
        try #require(listening != nil, "systemd-socket-activate did not listen: \(activator.finish().errors)")

        // The first client starts the service, which accepts it on the socket it was passed.
        let reply = try readAll(fromStreamSocketAt: socketPath)
        let result = activator.finish()

        #expect(reply == "served by control\n")
        #expect(result.status == 0, "\(result.errors)")
        // LISTEN_* are gone once read, so a process the service starts cannot claim fd 3.
        #expect(result.output == "LISTEN_FDS=unset\nfd=3 name=control\n")
    }
}

extension ProcessEnvironmentTests {
    @Suite struct SocketActivationEnvironmentTests {
        @Test func startedByHandThereAreNoSockets() throws {
            let sockets = try withEnvironment(["LISTEN_PID": nil, "LISTEN_FDS": nil, "LISTEN_FDNAMES": nil]) {
                try SocketActivation.listeningSockets()
            }
            #expect(sockets.isEmpty)
        }

        @Test func socketsMeantForAnotherProcessAreNotTaken() throws {
            let sockets = try withEnvironment(["LISTEN_PID": String(getppid()), "LISTEN_FDS": "1", "LISTEN_FDNAMES": "control"]) {
                try SocketActivation.listeningSockets()
            }
            #expect(sockets.isEmpty)
        }

        @Test func aMalformedCountIsAnErrorThatSaysWhatToCheck() throws {
            let error = withEnvironment(["LISTEN_PID": String(getpid()), "LISTEN_FDS": "several", "LISTEN_FDNAMES": nil]) {
                #expect(throws: SocketActivationError.self) { try SocketActivation.listeningSockets() }
            }
            #expect(error?.errno == EINVAL)
            #expect(error?.description.contains("LISTEN_FDS") == true)
        }
    }
}
