import Foundation
import Logging
import SpasmCore
import SpasmNotify
import SpasmStore

/// Shows a suggestion that newly applies as a notification: once, never in quiet hours or a pause,
/// the same one at most once a week. Its one button marks it read and opens nothing.
final class SuggestionReview {
    private let journal: Journal
    private let configuration: Configuration
    private let calendar: Calendar
    private let notifier: any Notifier
    private let logger: Logger
    /// Suggestion keys by notification key, for the "read" button.
    private var onScreen: [String: String] = [:]
    /// Asked to show, no answer from the server yet: not due again meanwhile.
    private var pending: Set<String> = []

    static let keyPrefix = "s:"

    init(journal: Journal, configuration: Configuration, calendar: Calendar, notifier: any Notifier, logger: Logger) {
        self.journal = journal
        self.configuration = configuration
        self.calendar = calendar
        self.notifier = notifier
        self.logger = logger
    }

    /// Reads the journal's suggestions and shows the new ones. Returns when to look again if quiet
    /// hours or the pause hold them back now, else nil.
    func review(now: Date, pause: PauseWindow?) -> Date? {
        let settings = configuration.reminders
        let quiet = QuietHours(start: settings.quietStart, end: settings.quietEnd)
        if let pause, pause.contains(now) { return pause.until }
        if quiet.contains(now, in: calendar.timeZone) { return settings.quietEnd.next(after: now, in: calendar.timeZone) }
        do {
            let advisor = Advisor(configuration: configuration)
            let entries = try journal.entriesForAnalysis(from: advisor.historyStart(now: now, calendar: calendar))
            let advice = advisor.advice(entries: entries, acknowledgedRedFlags: try journal.acknowledgedRedFlags(),
                                        now: now, calendar: calendar)
            let notices = try journal.suggestionNotices()
            let due = SuggestionNotice.due(advice, active: notices.active.union(pending), notified: notices.notified, now: now)
            let dueKeys = Set(due.map(SuggestionNotice.key(of:)))
            let active = Set(advice.filter { SuggestionNotice.notifies($0.kind) }.map(SuggestionNotice.key(of:)))
            // A new one counts as notified once a server has shown it; until then it stays new.
            try journal.recordSuggestionReview(active: active.subtracting(dueKeys))
            for item in due { show(item) }
        } catch {
            logger.error("could not review suggestions: \(error)")
        }
        return nil
    }

    private func show(_ advice: Advice) {
        let key = SuggestionNotice.key(of: advice)
        let notificationKey = Self.keyPrefix + key
        onScreen[notificationKey] = key
        pending.insert(key)
        notifier.show(DesktopNotification(
            key: notificationKey, summary: advice.title, body: advice.reason,
            urgency: advice.kind == .specialist ? .normal : .low, category: "x-spasm.suggestion",
            icon: "dialog-information", actions: [.init("read", "Mark read")],
            withoutActions: "All suggestions, with their numbers: spasm suggest"))
        logger.info("suggestion shown", metadata: ["SPASM_SUGGESTION": "\(key)", "SPASM_RULE": "\(advice.rule.rawValue)"])
    }

    /// Handles an event about one of its notifications; false when the event is not about one.
    func handle(_ event: NotifierEvent, now: Date) -> Bool {
        switch event {
        case .action(let key, "read") where key.hasPrefix(Self.keyPrefix):
            let suggestion = onScreen.removeValue(forKey: key) ?? String(key.dropFirst(Self.keyPrefix.count))
            notifier.close(key: key)
            do { try journal.markSuggestionRead(suggestion, now: now) } catch {
                logger.error("could not mark the suggestion read: \(error)")
            }
            return true
        case .shown(let key) where key.hasPrefix(Self.keyPrefix):
            pending.remove(String(key.dropFirst(Self.keyPrefix.count)))
            do { try journal.recordSuggestionNotified(String(key.dropFirst(Self.keyPrefix.count)), now: now) } catch {
                logger.error("could not record the suggestion as shown: \(error)")
            }
            return true
        case .action(let key, _), .shown(let key), .closed(let key), .failed(let key, _):
            guard key.hasPrefix(Self.keyPrefix) else { return false }
            switch event {
            case .closed: onScreen[key] = nil
            // Not shown: new again at the next review.
            case .failed: pending.remove(String(key.dropFirst(Self.keyPrefix.count)))
            default: break
            }
            return true
        case .serverVanished:
            // Nothing waits on a server that left; what it did not show is new again.
            pending.removeAll()
            return false
        case .serverAppeared:
            return false
        }
    }
}
