import Foundation
import Testing
@testable import SpasmCore

@Suite struct ConfigurationTests {
    /// Config/spasm.toml, the documented defaults the user copies from.
    static let shippedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config/spasm.toml").path

    @Test func theShippedFileHoldsExactlyTheBuiltInDefaults() throws {
        let text = try String(contentsOfFile: Self.shippedFile, encoding: .utf8)
        let loaded = try LoadedConfiguration.load(overriding: Configuration(), with: text, file: "spasm.toml")
        #expect(loaded.configuration == Configuration.defaults)
        // Every key the code knows is written down (with its comment) in the shipped file.
        for key in ConfigurationKeys.all.map(\.key) {
            #expect(loaded.sources[key] != nil, "\(key) is missing from Config/spasm.toml")
        }
        for drink in Configuration.defaultDrinks.keys {
            #expect(loaded.sources["caffeine.drinks.\(drink)"] != nil, "drink \(drink) is missing from Config/spasm.toml")
        }
    }

    @Test func everyKeyInTheShippedFileHasAComment() throws {
        let lines = try String(contentsOfFile: Self.shippedFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.contains("=") && !line.hasPrefix("#") {
            let commented = line.contains("#") || lines[index - 1].hasPrefix("#") || lines[index - 1].contains("=")
            #expect(commented, "line \(index + 1) has no comment: \(line)")
        }
    }

    @Test func aUserFileOverridesKeyByKey() throws {
        let text = """
        [caffeine]
        daily_target_mg = 150   # my own target

        [caffeine.drinks]
        flat-white = 130
        """
        let loaded = try LoadedConfiguration.load(with: text, file: "/home/u/.config/spasm/config.toml")
        #expect(loaded.configuration.caffeineDailyTargetMg == 150)
        #expect(loaded.configuration.drinks["flat-white"] == 130)
        #expect(loaded.configuration.drinks["coffee"] == 96)          // untouched keys keep their default
        #expect(loaded.configuration.dayStartHour == 4)
        #expect(loaded.source(of: "caffeine.daily_target_mg") == .file("/home/u/.config/spasm/config.toml", line: 2))
        #expect(loaded.source(of: "journal.day_start_hour") == .builtIn)
    }

    @Test func noFileMeansDefaults() throws {
        #expect(try LoadedConfiguration.load(with: nil, file: "x").configuration == .defaults)
    }

    @Test(arguments: [
        ("[journal]\nday_start_hour = 25\n", "c.toml:2: journal.day_start_hour: expected a whole number from 0 to 23, got 25"),
        ("[journal]\nday_start_hour = \"4\"\n", "c.toml:2: journal.day_start_hour: expected a whole number from 0 to 23, got \"4\""),
        ("\n\n[caffeine]\ndaily_target = 100\n", "c.toml:4: caffeine.daily_target: unknown key; did you mean caffeine.daily_target_mg?"),
        ("[caffeine]\ndaily_target_mg = -5\n", "c.toml:2: caffeine.daily_target_mg: expected a number from 0 to 2000, got -5"),
        ("[caffeine.drinks]\nmate = \"lots\"\n", "c.toml:2: caffeine.drinks.mate: expected milligrams per serving from 0 to 1000, got \"lots\""),
        ("[caffeine.drinks]\n\"iced coffee\" = 90\n", "c.toml:2: caffeine.drinks.\"iced coffee\": a drink name is one word that is not a number (use a dash: iced-coffee)"),
        ("[pt]\ntimes = [\"8 am\"]\n", "c.toml:2: pt.times: expected an array of times of day such as \"08:00\", got \"8 am\" in it"),
        ("[pt]\nweekdays = [\"funday\"]\n", "c.toml:2: pt.weekdays: expected an array of weekdays such as \"mon\", got \"funday\" in it"),
        ("[advice]\nspecialist_contact = 42\n", "c.toml:2: advice.specialist_contact: expected a string in quotes, got 42"),
        ("[advice]\ncaffeine_significance = 0.9\n", "c.toml:2: advice.caffeine_significance: expected a number from 0.0001 to 0.5, got 0.9"),
        ("[advice]\nsevere_levl = 9\n", "c.toml:2: advice.severe_levl: unknown key; did you mean advice.severe_level?"),
    ])
    func badKeysAndValuesNameFileLineAndKey(text: String, message: String) {
        do {
            _ = try LoadedConfiguration.load(with: text, file: "c.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aSyntaxErrorNamesFileAndLine() {
        do {
            _ = try LoadedConfiguration.load(with: "[journal]\nday_start_hour 4\n", file: "c.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.file == "c.toml")
            #expect(error.line == 2)
        }
    }
}

@Suite struct PTConfigurationTests {
    @Test func theRoutineTimesAndDaysAreRead() throws {
        let loaded = try LoadedConfiguration.load(with: "[pt]\ntimes = [\"07:30\", \"12:00\", \"19:15\"]\nweekdays = [\"Mon\", \"wed\"]\n", file: "c.toml")
        let schedule = PTSchedule(loaded.configuration)
        #expect(schedule.minutesOfDay == [450, 720, 1155])
        #expect(schedule.weekdays == [1, 3])
    }

    @Test(arguments: [
        ("[export]\npaper = \"a3\"\n", "c.toml:2: export.paper: expected one of \"auto\", \"a4\", \"letter\", got \"a3\""),
    ])
    func badValuesAreRefused(text: String, message: String) {
        do {
            _ = try LoadedConfiguration.load(with: text, file: "c.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
