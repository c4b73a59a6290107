import Testing
@testable import SpasmCore

@Suite struct AdviceConfigurationTests {
    @Test func stringsAndStringArraysLoad() throws {
        let text = """
        [advice]
        specialist_contact = "Dr Lee, spine clinic, 020 7946 0000"
        severe_level = 9

        [pt]
        times = ["07:30", "12:00", "19:00"]
        weekdays = ["mon", "wed", "fri"]
        """
        let loaded = try LoadedConfiguration.load(with: text, file: "c.toml")
        #expect(loaded.configuration.advice.specialistContact == "Dr Lee, spine clinic, 020 7946 0000")
        #expect(loaded.configuration.advice.severeLevel == 9)
        #expect(loaded.configuration.ptTimes == ["07:30", "12:00", "19:00"])
        #expect(loaded.configuration.ptWeekdays == ["mon", "wed", "fri"])
        let shown = Dictionary(uniqueKeysWithValues: loaded.settings.map { ($0.key, $0.value) })
        #expect(shown["advice.specialist_contact"] == "\"Dr Lee, spine clinic, 020 7946 0000\"")
        #expect(shown["pt.weekdays"] == "[\"mon\", \"wed\", \"fri\"]")
    }
}
