import Foundation
import SpasmCore
import SpasmStore

/// Writes a synthetic journal for benchmarks: `spasm-synth PATH [YEARS] [SEED] [ordinary]`; with
/// `ordinary`, about 1.4 episodes and 3.5 drinks a day instead of a heavy journal's 9.9 and 27.
@main
struct Entrypoint {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let path = arguments.first else {
            try? FileHandle.standardError.write(contentsOf: Data("usage: spasm-synth PATH [YEARS] [SEED] [ordinary]\n".utf8))
            exit(64)
        }
        var synthetic = arguments.contains("ordinary") ? SyntheticJournal.ordinary(end: Date(), years: 10) : SyntheticJournal(end: Date())
        if arguments.count > 1, let years = Double(arguments[arguments.startIndex + 1]) { synthetic.years = years }
        if arguments.count > 2, let seed = UInt64(arguments[arguments.startIndex + 2]) { synthetic.seed = seed }
        let entries = synthetic.entries()
        let added = try Journal.open(at: path).add(contentsOf: entries, now: Date())
        print("\(path): \(added) entries over \(synthetic.years) years")
    }
}
