extension DesktopNotification {
    /// The notification as a server with these capabilities (GetCapabilities: "actions", "body",
    /// ...) can show it: without "actions" the buttons go and `withoutActions`, when set, is
    /// appended to the body on a line of its own, so the user still reads what to type instead.
    public func adapted(toCapabilities capabilities: Set<String>) -> DesktopNotification {
        guard !capabilities.contains("actions") else { return self }
        var adapted = self
        adapted.actions = []
        if let withoutActions, !withoutActions.isEmpty {
            adapted.body = body.isEmpty ? withoutActions : body + "\n" + withoutActions
        }
        return adapted
    }
}
