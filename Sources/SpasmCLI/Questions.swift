import ArgumentParser
import Foundation
import SpasmTerminal

/// Asking on the terminal, for any command that can do without some of its arguments when a person
/// is there to answer (`spasm log` today).
enum Questions {
    /// Runs `body` with a `Prompter` on the terminal when standard input and output are both one and
    /// `allowed` (no --no-input, no --json); nil otherwise, so scripts, pipes and cron never meet a
    /// question. The terminal's settings are put back before this returns or throws.
    static func ask<Result>(allowed: Bool, _ body: (Prompter) throws -> Result) throws -> Result? {
        guard allowed, let terminal = SystemTerminal.open(environment: ProcessInfo.processInfo.environment) else { return nil }
        defer { terminal.close() }
        return try body(Prompter(terminal))
    }
}

/// `--no-input`, shared by the commands that ask: whether a missing answer may be asked for.
struct QuestionOptions: ParsableArguments {
    @Flag(name: .customLong("no-input"), help: "Never ask, even on a terminal: a missing answer is an error.")
    var noInput = false

    /// Asking is allowed unless --no-input, --json (a script reads the output) or a note read from
    /// standard input (which is then not the person).
    func allowed(json: Bool, note: String?) -> Bool { !noInput && !json && note != "-" }
}
