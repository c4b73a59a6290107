import Foundation
import Testing
@testable import SpasmCore

@Suite struct SuggestionNoticeTests {
    let now = Date(timeIntervalSince1970: 1_795_943_520)

    func trigger(_ name: String, share: Double, kind: Advice.Kind = .modify) -> Advice {
        Advice(rule: .activity, kind: kind, title: "Ease off \(name)", reason: "…", minimumSample: "5 episodes",
               evidence: [.init("share", share, subject: name), .init("tagged", 4, subject: name)])
    }

    @Test func theKeyIsTheRuleAndSubjectNotTheNumbers() {
        #expect(SuggestionNotice.key(of: trigger("lifting", share: 0.4)) == "activity.raises-risk|lifting")
        #expect(SuggestionNotice.key(of: trigger("lifting", share: 0.4)) == SuggestionNotice.key(of: trigger("lifting", share: 0.45)))
        #expect(SuggestionNotice.key(of: trigger("lifting", share: 0.4)) != SuggestionNotice.key(of: trigger("driving", share: 0.4)))
    }

    @Test func onlyNewSuggestionsAreDueAndTheSameOneAtMostWeekly() {
        let lifting = trigger("lifting", share: 0.4)
        let key = SuggestionNotice.key(of: lifting)
        #expect(SuggestionNotice.due([lifting], active: [], notified: [:], now: now) == [lifting])
        // Still applying since the last review: not new.
        #expect(SuggestionNotice.due([lifting], active: [key], notified: [key: now - 30 * 86_400], now: now).isEmpty)
        // Gone and back within the week: not again; a week on: again.
        #expect(SuggestionNotice.due([lifting], active: [], notified: [key: now - 7 * 86_400 + 1], now: now).isEmpty)
        #expect(SuggestionNotice.due([lifting], active: [], notified: [key: now - 7 * 86_400], now: now) == [lifting])
    }

    @Test func whatHelpsAndMissingDataAreNotNotified() {
        let kinds = Advice.Kind.allCases.filter(SuggestionNotice.notifies)
        #expect(kinds == [.specialist, .modify])
        #expect(SuggestionNotice.due([trigger("x", share: 1, kind: .dataNeeded), trigger("y", share: 1, kind: .helps)],
                                     active: [], notified: [:], now: now).isEmpty)
    }
}
