import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private system bus beside a desktop, for stand-ins of system services (logind): a dbus-daemon
/// of type "system" on a socket in the desktop's directory, open to this user. Pass `environment`
/// to a process so that its system bus is this one.
public final class PrivateSystemBus: @unchecked Sendable {
    public let address: String
    private let process = Process()

    public init(in directory: String) throws {
        try DesktopFiles.write(DesktopFiles.busConfiguration(directory, type: "system", socket: "system_bus_socket"),
                               to: directory + "/system-bus.conf")
        process.executableURL = URL(fileURLWithPath: try tool("dbus-daemon", package: "dbus"))
        process.arguments = ["--config-file=\(directory)/system-bus.conf", "--nofork", "--print-address=1"]
        address = try DesktopSession.startPrinting(process, what: "dbus-daemon (system)", log: directory + "/system-bus.log")
    }

    deinit { end(process) }

    public var environment: [String: String] { ["DBUS_SYSTEM_BUS_ADDRESS": address] }
}

/// The stand-ins of Tests/scripts/desktop-standin.py, driven through their io.spasm.Test methods.
public enum StandIn: String, Sendable {
    /// org.freedesktop.login1 on the system bus: PrepareForSleep, LockedHint.
    case logind
    /// KDE Plasma's notification server (Inhibited) and org.freedesktop.ScreenSaver on the session bus.
    case plasma

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/desktop-standin.py").standardized.path
}

extension DesktopSession {
    /// Starts a stand-in on this desktop (and `system` bus) and waits until it owns its names.
    public func launch(_ standIn: StandIn, system: PrivateSystemBus? = nil) throws -> DesktopProcess {
        // Debian's python3-dbus belongs to the system Python, not to one earlier on PATH.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw DesktopSessionError.missing("python3", package: "python3-dbus") }
        let process = try launch("/usr/bin/python3", [StandIn.script, standIn.rawValue], environment: system?.environment ?? [:])
        guard Self.waitFor(timeout: .seconds(10), { process.output.contains("ready") || !process.isRunning }),
              process.isRunning else {
            throw DesktopSessionError("the \(standIn) stand-in did not start: \(process.errors)")
        }
        return process
    }

    /// Calls one of a stand-in's io.spasm.Test methods with a boolean (`SetLocked`, `Sleep`, …).
    public func drive(_ destination: String, _ path: String, _ method: String, _ value: Bool, system: PrivateSystemBus? = nil) throws {
        let bus = system == nil ? "--session" : "--system"
        let result = try runToEnd(dbusSendPath, [bus, "--dest=\(destination)", "--type=method_call", "--print-reply", path,
                                                 "io.spasm.Test.\(method)", "boolean:\(value)"],
                                  environment: environment.merging(system?.environment ?? [:]) { $1 })
        guard result.status == 0 else { throw DesktopSessionError("dbus-send \(method) failed: \(result.errors)") }
    }
}
