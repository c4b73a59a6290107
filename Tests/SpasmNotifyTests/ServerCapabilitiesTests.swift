import SpasmNotify
import Testing

/// What a server that cannot show buttons gets instead.
@Suite struct ServerCapabilitiesTests {
    let reminder = DesktopNotification(
        key: "r1", summary: "Ice time", body: "Ice the neck for 15 minutes.", urgency: .normal,
        actions: [.init("done", "Done")], withoutActions: "Done: spasm done 17")

    @Test func aServerWithActionsGetsTheNotificationUnchanged() {
        #expect(reminder.adapted(toCapabilities: ["actions", "body"]) == reminder)
    }

    @Test func aServerWithoutActionsGetsTheCommandOnALineOfItsOwn() {
        let adapted = reminder.adapted(toCapabilities: ["body"])
        #expect(adapted.actions.isEmpty)
        #expect(adapted.body == "Ice the neck for 15 minutes.\nDone: spasm done 17")
        #expect(adapted.summary == reminder.summary)
    }

    @Test func withoutActionsAndNothingToSayInsteadTheBodyStays() {
        var plain = reminder
        plain.withoutActions = nil
        let adapted = plain.adapted(toCapabilities: [])
        #expect(adapted.actions.isEmpty)
        #expect(adapted.body == plain.body)
    }

    @Test func anEmptyBodyBecomesTheCommandAlone() {
        var empty = reminder
        empty.body = ""
        #expect(empty.adapted(toCapabilities: []).body == "Done: spasm done 17")
    }
}
