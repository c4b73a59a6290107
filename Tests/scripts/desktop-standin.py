#!/usr/bin/python3
"""Stand-ins for the desktop services spasmd follows, for tests on private buses (python3-dbus).

  desktop-standin.py logind   org.freedesktop.login1 on the system bus (DBUS_SYSTEM_BUS_ADDRESS):
                              the Manager's PrepareForSleep and session "2" with its LockedHint,
                              also reachable as session/auto, as logind resolves it for a user service.
  desktop-standin.py plasma   KDE Plasma's side of the session bus: org.freedesktop.Notifications
                              with the Inhibited property (do-not-disturb) and org.freedesktop.ScreenSaver.
                              Each Notify is printed as a line "notify <replaces_id> <summary>".

A test drives them with dbus-send, through the interface io.spasm.Test on the same objects:
Sleep(b) emits PrepareForSleep, SetLocked(b) changes LockedHint, SetInhibited(b) and SetActive(b)
change do-not-disturb and the screen saver; each emits the signal the real service emits.
"ready" is printed once every name is owned.
"""
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

TEST = "io.spasm.Test"
PROPERTIES = "org.freedesktop.DBus.Properties"


class PropertyObject(dbus.service.Object):
    """An object with read-only properties, announced through PropertiesChanged like sd-bus and Qt do."""

    def __init__(self, bus, path, interface, properties):
        super().__init__(bus, path)
        self.interface = interface
        self.properties = properties

    @dbus.service.method(PROPERTIES, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        if interface != self.interface or name not in self.properties:
            raise dbus.exceptions.DBusException("no such property", name="org.freedesktop.DBus.Error.UnknownProperty")
        return self.properties[name]

    @dbus.service.method(PROPERTIES, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return self.properties if interface == self.interface else {}

    @dbus.service.signal(PROPERTIES, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass

    def change(self, name, value):
        self.properties[name] = value
        self.PropertiesChanged(self.interface, {name: value}, [])


class Manager(dbus.service.Object):
    @dbus.service.signal("org.freedesktop.login1.Manager", signature="b")
    def PrepareForSleep(self, start):
        pass

    @dbus.service.method(TEST, in_signature="b")
    def Sleep(self, start):
        self.PrepareForSleep(start)


class Session(PropertyObject):
    def __init__(self, bus, path, shared):
        super().__init__(bus, path, "org.freedesktop.login1.Session", shared)

    @dbus.service.method(TEST, in_signature="b")
    def SetLocked(self, locked):
        self.change("LockedHint", dbus.Boolean(locked))


class Notifications(PropertyObject):
    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                         {"Inhibited": dbus.Boolean(False)})
        self.last = 0

    @dbus.service.method("org.freedesktop.Notifications", in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.last += 1
        print("notify", int(replaces), summary, flush=True)
        return replaces or self.last

    @dbus.service.method("org.freedesktop.Notifications", in_signature="u")
    def CloseNotification(self, id):
        self.NotificationClosed(id, 3)

    @dbus.service.method("org.freedesktop.Notifications", out_signature="as")
    def GetCapabilities(self):
        return ["body", "actions"]

    @dbus.service.method("org.freedesktop.Notifications", out_signature="ssss")
    def GetServerInformation(self):
        return ("Plasma", "KDE", "5.27", "1.2")

    @dbus.service.signal("org.freedesktop.Notifications", signature="uu")
    def NotificationClosed(self, id, reason):
        pass

    @dbus.service.signal("org.freedesktop.Notifications", signature="us")
    def ActionInvoked(self, id, key):
        pass

    @dbus.service.method(TEST, in_signature="b")
    def SetInhibited(self, inhibited):
        self.change("Inhibited", dbus.Boolean(inhibited))


class ScreenSaver(dbus.service.Object):
    active = False

    @dbus.service.method("org.freedesktop.ScreenSaver", out_signature="b")
    def GetActive(self):
        return self.active

    @dbus.service.signal("org.freedesktop.ScreenSaver", signature="b")
    def ActiveChanged(self, active):
        pass

    @dbus.service.method(TEST, in_signature="b")
    def SetActive(self, active):
        self.active = bool(active)
        self.ActiveChanged(active)


def main():
    DBusGMainLoop(set_as_default=True)
    keep = []
    if sys.argv[1] == "logind":
        bus = dbus.SystemBus()
        keep.append(dbus.service.BusName("org.freedesktop.login1", bus))
        keep.append(Manager(bus, "/org/freedesktop/login1"))
        shared = {"Id": "2", "LockedHint": dbus.Boolean(False)}
        keep.append(Session(bus, "/org/freedesktop/login1/session/_32", shared))
        keep.append(PropertyObject(bus, "/org/freedesktop/login1/session/auto", "org.freedesktop.login1.Session", shared))
    else:
        bus = dbus.SessionBus()
        keep.append(Notifications(bus))
        keep.append(ScreenSaver(bus, "/org/freedesktop/ScreenSaver"))
        keep.append(dbus.service.BusName("org.freedesktop.Notifications", bus))
        keep.append(dbus.service.BusName("org.freedesktop.ScreenSaver", bus))
    print("ready", flush=True)
    GLib.MainLoop().run()


main()
