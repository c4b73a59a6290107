import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// One D-Bus connection through libsystemd's sd-bus, driven by its owner's poll loop: no thread of
/// its own and no GLib. Watch `fd` for `events`, call `process()` when it is ready or `deadline`
/// passes; signals and replies reach their handlers from inside `process()`.
public final class BusConnection {
    /// Which bus: the user's session bus (DBUS_SESSION_BUS_ADDRESS) or the system bus (DBUS_SYSTEM_BUS_ADDRESS).
    public enum Kind: Sendable { case session, system }

    private var bus: OpaquePointer?
    /// Signal matches: each slot keeps its match installed and its handler alive.
    private var matches: [(slot: OpaquePointer?, handler: Handler)] = []

    public init(_ kind: Kind) throws {
        let r = kind == .session ? sd_bus_open_user(&bus) : sd_bus_open_system(&bus)
        guard r >= 0 else { throw BusError("cannot connect to the \(kind) bus", r) }
    }

    deinit {
        for match in matches { sd_bus_slot_unref(match.slot) }
        sd_bus_flush_close_unref(bus)
    }

    public var fd: Int32 { sd_bus_get_fd(bus) }

    /// poll(2) events sd-bus waits for now: always input, output while messages are queued.
    public var events: UInt32 { UInt32(max(0, sd_bus_get_events(bus))) }

    /// When sd-bus must run without input (a call timing out), on CLOCK_MONOTONIC in microseconds;
    /// nil when nothing waits on time, which is the case at rest.
    public var deadline: UInt64? {
        var usec: UInt64 = 0
        guard sd_bus_get_timeout(bus, &usec) >= 0, usec != UInt64.max else { return nil }
        return usec
    }

    /// Handles everything that arrived. False once the connection is closed.
    @discardableResult
    public func process() -> Bool {
        while true {
            let r = sd_bus_process(bus, nil)
            if r < 0 { return false }
            if r == 0 { return true }
        }
    }

    /// Calls `handler` with every signal matching `rule` ("type='signal',interface='…',member='…'").
    /// The match is installed asynchronously; nothing blocks.
    public func onSignal(_ rule: String, _ handler: @escaping (BusMessage) -> Void) throws {
        let box = Handler { handler(BusMessage($0)) }
        var slot: OpaquePointer?
        let r = sd_bus_add_match_async(bus, &slot, rule, Self.dispatch, nil, Unmanaged.passUnretained(box).toOpaque())
        guard r >= 0 else { throw BusError("cannot watch \(rule)", r) }
        matches.append((slot, box))
    }

    /// Properties.Get of a property; `reply` gets the answer, or nil for an error (no such name,
    /// no such property, a timeout). Never starts a service that is not running.
    public func property(of destination: String, path: String, interface: String, name: String,
                         reply: @escaping (BusMessage?) -> Void) {
        ask(reply) { spasm_bus_get_property(bus, destination, path, interface, name, Self.dispatchOnce, $0) }
    }

    /// Calls a method without arguments; `reply` as for `property`.
    public func call(_ destination: String, path: String, interface: String, member: String,
                     reply: @escaping (BusMessage?) -> Void) {
        ask(reply) { spasm_bus_call(bus, destination, path, interface, member, Self.dispatchOnce, $0) }
    }

    /// Sends a call through `send` with a one-shot handler as its user data.
    private func ask(_ reply: @escaping (BusMessage?) -> Void, _ send: (UnsafeMutableRawPointer) -> Int32) {
        let box = Unmanaged.passRetained(Handler { reply(BusMessage.answer($0)) }).toOpaque()
        if send(box) < 0 {
            Unmanaged<Handler>.fromOpaque(box).release()
            reply(nil)
        }
    }

    private final class Handler {
        let body: (OpaquePointer) -> Void
        init(_ body: @escaping (OpaquePointer) -> Void) { self.body = body }
    }

    private static let dispatch: sd_bus_message_handler_t = { message, data, _ in
        if let message { Unmanaged<Handler>.fromOpaque(data!).takeUnretainedValue().body(message) }
        return 0
    }

    /// A reply comes once: its handler is released with it.
    private static let dispatchOnce: sd_bus_message_handler_t = { message, data, _ in
        let handler = Unmanaged<Handler>.fromOpaque(data!).takeRetainedValue()
        if let message { handler.body(message) }
        return 0
    }
}

/// A message as a handler sees it: valid only during the call.
public struct BusMessage {
    private let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// The message, or nil for an error reply.
    static func answer(_ pointer: OpaquePointer) -> BusMessage? {
        sd_bus_message_is_method_error(pointer, nil) > 0 ? nil : BusMessage(pointer)
    }

    /// The next argument as a boolean.
    public func bool() -> Bool? { Self.flag(spasm_bus_read_bool(pointer)) }

    /// A Properties.Get reply's boolean.
    public func variantBool() -> Bool? { Self.flag(spasm_bus_read_variant_bool(pointer)) }

    /// A Properties.Get reply's string.
    public func variantString() -> String? { spasm_bus_read_variant_string(pointer).map { String(cString: $0) } }

    /// The first argument as a string (a signal's name or path argument).
    public func string() -> String? {
        var value: UnsafeRawPointer?
        guard sd_bus_message_read_basic(pointer, CChar(UInt8(ascii: "s")), &value) > 0, let value else { return nil }
        return String(cString: value.assumingMemoryBound(to: CChar.self))
    }

    /// What a PropertiesChanged signal says of the boolean `name` of `interface`.
    public func changedBool(interface: String?, name: String) -> PropertyChange {
        switch spasm_bus_changed_bool(pointer, interface, name) {
        case 0: .value(false)
        case 1: .value(true)
        case 2: .invalidated
        default: .unmentioned
        }
    }

    /// A property in a PropertiesChanged signal.
    public enum PropertyChange: Equatable {
        case value(Bool)
        /// Changed, value not sent: ask for it.
        case invalidated
        case unmentioned
    }

    private static func flag(_ value: Int32) -> Bool? { value < 0 ? nil : value != 0 }
}

/// An sd-bus call failed; libsystemd's negative errno, as text.
public struct BusError: Error, CustomStringConvertible {
    public var description: String
    init(_ what: String, _ r: Int32) { description = "\(what): \(SystemError.text(-r))" }
}

/// `/org/freedesktop/login1/session` + `id` as a D-Bus object path (escaped as sd-bus does).
func busPath(_ prefix: String, _ label: String) -> String? {
    var path: UnsafeMutablePointer<CChar>?
    guard sd_bus_path_encode(prefix, label, &path) >= 0, let path else { return nil }
    defer { free(path) }
    return String(cString: path)
}
