import DesktopSession
import Foundation

/// A notification server that cannot show actions (GetCapabilities: "body" only), in python3-dbus,
/// printing each Notify call as a line of JSON. dunst always offers actions, so this is the server
/// of a desktop that does not.
final class FakeNotificationServer {
    let process: DesktopProcess

    init(on desktop: DesktopSession) throws {
        process = try desktop.launch("/usr/bin/python3", ["-u", "-c", Self.script])
        guard DesktopSession.waitFor({ (try? desktop.serverOwnsName()) == true || !process.isRunning }), process.isRunning else {
            throw DesktopSessionError("the fake notification server did not start (needs python3-dbus and python3-gi): \(process.errors)")
        }
    }

    /// One received notification.
    struct Received: Decodable {
        var summary: String
        var body: String
        var actions: [String]
        var hints: [String: String]
    }

    var received: [Received] {
        process.output.compactMap { try? JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }

    private static let script = """
        import json, dbus, dbus.service, dbus.mainloop.glib
        from gi.repository import GLib

        class Server(dbus.service.Object):
            last = 0

            @dbus.service.method("org.freedesktop.Notifications", in_signature="", out_signature="as")
            def GetCapabilities(self):
                return ["body"]

            @dbus.service.method("org.freedesktop.Notifications", in_signature="", out_signature="ssss")
            def GetServerInformation(self):
                return ("fake", "spasm tests", "1", "1.2")

            @dbus.service.method("org.freedesktop.Notifications", in_signature="susssasa{sv}i", out_signature="u")
            def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
                print(json.dumps({"summary": str(summary), "body": str(body), "actions": [str(a) for a in actions],
                                  "hints": {str(k): str(v) for k, v in hints.items()}}))
                if replaces:
                    return replaces
                Server.last += 1
                return Server.last

            @dbus.service.method("org.freedesktop.Notifications", in_signature="u", out_signature="")
            def CloseNotification(self, id):
                self.NotificationClosed(id, 3)

            @dbus.service.signal("org.freedesktop.Notifications", signature="uu")
            def NotificationClosed(self, id, reason):
                pass

        dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
        bus = dbus.SessionBus()
        name = dbus.service.BusName("org.freedesktop.Notifications", bus)
        Server(bus, "/org/freedesktop/Notifications")
        GLib.MainLoop().run()
        """
}
