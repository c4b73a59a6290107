/// The words of each reminder. They rest on CLINICAL.md and never name a dose or a diagnosis.
enum ReminderText {
    typealias Text = (title: String, body: String)

    static func iceOn(minutes: Int) -> Text {
        ("Ice now, \(minutes) min",
         "Ice for \(minutes) minutes, wrapped in a towel, never directly on the skin. "
         + "Do not fall asleep with it on. Skip ice if you have Raynaud's.")
    }

    static func iceOff(minutes: Int) -> Text {
        ("Ice off now",
         "\(minutes) minutes are up: take the ice off to protect your skin. Leave at least 20-40 minutes before the next session.")
    }

    static func heatOn(minutes: Int) -> Text {
        ("Heat now, \(minutes) min",
         "Heat for \(minutes) minutes with a layer of fabric between pad and skin: never directly on the skin, "
         + "no higher than medium, not on numb skin. Never sleep on a heating pad.")
    }

    static func heatOff(minutes: Int) -> Text {
        ("Heat off now",
         "\(minutes) minutes are up: take the heat off. Never sleep on a heating pad.")
    }

    static func supineRest(minutes: Int) -> Text {
        ("Short rest on your back, \(minutes) min",
         "Lie face up with a pillow under your knees for \(minutes) minutes, then get up and move gently. "
         + "This is a short break, not bed rest: keeping up normal activity helps recovery.")
    }

    static func ptRoutine(name: String, steps: [String]) -> Text {
        let lines = steps.map { "• " + $0 }
        return ("PT routine: \(name)",
                (lines + ["Stop if your symptoms get worse."]).joined(separator: "\n"))
    }

    static func relief(after treatment: String) -> Text {
        ("How is it after the \(treatment)?", "Better, Same or Worse? Your answer is kept with the session.")
    }

    static func caffeineOverTarget(totalMg: String, targetMg: String) -> Text {
        ("Caffeine: \(totalMg) mg today",
         "That is over your \(targetMg) mg target. Cutting down caffeine can help with spasms.")
    }

    static func caffeineLate(cutoff: Int) -> Text {
        ("Caffeine after \(cutoff):00",
         "Caffeine's half-life is about 5 hours, so a late drink is still active at bedtime. "
         + "Cutting down caffeine can help with spasms.")
    }

    static func checkin() -> Text {
        ("Weekly check-in: pain and function",
         "Three numbers, 0-10, about the past week: your average pain, and how much pain interfered with "
         + "enjoyment of life and with general activity. In a terminal: spasm checkin --pain N --enjoyment N --activity N")
    }

    static func redFlag(advice: String, urgent: Bool) -> Text {
        (urgent ? "Get medical help now" : "See a doctor soon", advice)
    }
}
