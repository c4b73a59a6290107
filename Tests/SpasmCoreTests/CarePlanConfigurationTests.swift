import Foundation
import Testing
@testable import SpasmCore

@Suite struct CarePlanConfigurationTests {
    @Test func theShippedFileWritesDownEveryRoutine() throws {
        let text = try String(contentsOfFile: ConfigurationTests.shippedFile, encoding: .utf8)
        let loaded = try LoadedConfiguration.load(overriding: Configuration(), with: text, file: "spasm.toml")
        for name in PTSettings.defaultRoutines.keys {
            #expect(loaded.sources["pt.routines.\(name).steps"] != nil, "routine \(name) is missing from Config/spasm.toml")
        }
    }

    @Test func aUserSetsTimesWeekdaysAndTheirPhysiotherapistsRoutine() throws {
        let text = """
        [reminders]
        quiet_start = "23:15"
        quiet_end = "6:45"
        ice_daily_cap = 3

        [pt]
        routine = "physio-anna"
        times = ["07:10", "19:30"]
        weekdays = ["mon", "Wednesday", "FRI"]

        [pt.routines.physio-anna]
        steps = ["Cat-camel, 10 times", "Dead bug, 8 each side"]
        """
        let loaded = try LoadedConfiguration.load(with: text, file: "/home/u/.config/spasm/config.toml")
        let c = loaded.configuration
        #expect(c.reminders.quietStart == TimeOfDay(hour: 23, minute: 15))
        #expect(c.reminders.quietEnd == TimeOfDay(hour: 6, minute: 45))
        #expect(c.reminders.iceDailyCap == 3)
        #expect(c.reminders.iceMinutes == 15)
        #expect(c.pt.times.map(\.description) == ["07:10", "19:30"])
        #expect(c.pt.weekdays == [.mon, .wed, .fri])
        #expect(c.pt.steps == ["Cat-camel, 10 times", "Dead bug, 8 each side"])
        #expect(c.pt.routines["neck"] == PTSettings.defaultRoutines["neck"])
        #expect(loaded.source(of: "pt.routines.physio-anna.steps") == .file("/home/u/.config/spasm/config.toml", line: 12))
        let shown = Dictionary(loaded.settings.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(shown["reminders.quiet_end"] == "\"06:45\"")
        #expect(shown["pt.weekdays"] == "[\"mon\", \"wed\", \"fri\"]")
        #expect(shown["pt.routine"] == "\"physio-anna\"")
        #expect(shown["pt.routines.physio-anna.steps"] == "[\"Cat-camel, 10 times\", \"Dead bug, 8 each side\"]")
    }

    @Test(arguments: [
        ("[reminders]\nquiet_start = \"25:00\"\n",
         "c.toml:2: reminders.quiet_start: expected a time of day \"HH:MM\" from \"00:00\" to \"23:59\", got \"25:00\""),
        ("[reminders]\nquiet_end = 730\n",
         "c.toml:2: reminders.quiet_end: expected a time of day \"HH:MM\" from \"00:00\" to \"23:59\", got 730"),
        ("[pt]\ntimes = \"08:00\"\n", "c.toml:2: pt.times: expected an array of times of day such as \"08:00\", got \"08:00\""),
        ("[pt]\ntimes = [\"08:00\", \"8pm\"]\n", "c.toml:2: pt.times: expected an array of times of day such as \"08:00\", got \"8pm\" in it"),
        ("[pt]\nweekdays = [\"mon\", \"funday\"]\n", "c.toml:2: pt.weekdays: expected an array of weekdays such as \"mon\", got \"funday\" in it"),
        ("[pt]\nroutine = 3\n", "c.toml:2: pt.routine: expected a routine name in quotes, got 3"),
        ("\n[pt]\nroutine = \"mine\"\n",
         "c.toml:3: pt.routine: no routine \"mine\"; define [pt.routines.mine] steps = [...] or use one of low-back, neck"),
        ("[pt.routines.mine]\nsteps = []\n", "c.toml:2: pt.routines.mine.steps: expected an array of steps in quotes, got an array"),
        ("[pt.routines.mine]\nsteps = [\"Bridge\", 5]\n", "c.toml:2: pt.routines.mine.steps: expected each step as text in quotes, got 5"),
        ("[reminders]\nice_minutes = 90\n", "c.toml:2: reminders.ice_minutes: expected a whole number from 1 to 60, got 90"),
        ("[reminders]\nice_minute = 15\n", "c.toml:2: reminders.ice_minute: unknown key; did you mean reminders.ice_minutes?"),
    ])
    func badCarePlanSettingsNameFileLineAndKey(text: String, message: String) {
        do {
            _ = try LoadedConfiguration.load(with: text, file: "c.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aRoutineDefinedAfterItIsChosenIsFound() throws {
        let text = "[pt]\nroutine = \"mine\"\n[pt.routines.mine]\nsteps = [\"Bridge, 5 times\"]\n"
        #expect(try LoadedConfiguration.load(with: text, file: "c.toml").configuration.pt.steps == ["Bridge, 5 times"])
    }

    @Test(arguments: [("7:30", 7, 30), ("07:30", 7, 30), ("00:00", 0, 0), ("23:59", 23, 59)])
    func timesOfDayRead(text: String, hour: Int, minute: Int) {
        #expect(TimeOfDay(parsing: text) == TimeOfDay(hour: hour, minute: minute))
    }

    @Test(arguments: ["24:00", "7:5", "07:60", "0730", "7.30", "", "-1:00", "07:30:00"])
    func badTimesOfDayAreRefused(text: String) {
        #expect(TimeOfDay(parsing: text) == nil)
    }

    @Test func weekdaysFollowTheCalendar() {
        // 2026-06-10 is a Wednesday.
        #expect(Weekday(day: CivilTime.days(year: 2026, month: 6, day: 10)) == .wed)
        #expect(Weekday(day: CivilTime.days(year: 1969, month: 12, day: 28)) == .sun)
    }
}
