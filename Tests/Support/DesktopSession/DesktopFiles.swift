import Foundation

/// The configuration files of a private desktop.
enum DesktopFiles {
    static func write(in directory: String, timeout: Int) throws {
        try write(busConfiguration(directory), to: directory + "/bus.conf")
        try write(dunstrc(directory, timeout: timeout), to: directory + "/dunstrc")
        try write(pickScript(directory), to: directory + "/pick.sh", mode: 0o700)
    }

    /// A session bus on a socket in `directory`, open to this user, with no service directories:
    /// nothing is started on demand, so a stopped dunst stays stopped. (`type` "system" and its own
    /// socket for a private system bus.)
    static func busConfiguration(_ directory: String, type: String = "session", socket: String = "bus") -> String {
        """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>\(type)</type>
          <listen>unix:path=\(directory)/\(socket)</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>

        """
    }

    /// Notifications stay until a test closes them (timeout 0, unless a test sets one), whatever the
    /// idle state; the context menu is the pick script; closed notifications are kept in the history.
    static func dunstrc(_ directory: String, timeout: Int) -> String {
        """
        [global]
        dmenu = \(directory)/pick.sh
        history_length = 50
        idle_threshold = 0

        [urgency_low]
        timeout = \(timeout)

        [urgency_normal]
        timeout = \(timeout)

        [urgency_critical]
        timeout = \(timeout)

        """
    }

    /// dunst's context menu: it gets lines like `#Snooze (Ice time) [2,snooze]` and picks the line
    /// of the action key the test wrote to `choice`.
    static func pickScript(_ directory: String) -> String {
        """
        #!/bin/sh
        grep -m1 -F ",$(cat '\(directory)/choice')]"

        """
    }

    static func write(_ text: String, to path: String, mode: Int = 0o600) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}
