import Foundation
import SpasmCore
import SpasmExport
import SpasmStore

/// Runs `spasm-render`, the program that draws the PDF: cairo and pango live there, so `spasm` itself
/// starts without loading them. It reads the entries as a JSON backup on stdin and writes the PDF to stdout.
enum ReportRenderer {
    /// `$SPASM_RENDER`, else `spasm-render` in the directory of the running `spasm`.
    static func executable() throws(OutputFile.Failure) -> String {
        let path = Locations.companion(named: "spasm-render", variable: "SPASM_RENDER")
        // A path set in $SPASM_RENDER is run as given (running it says what is wrong with it).
        let chosen = !(ProcessInfo.processInfo.environment["SPASM_RENDER"] ?? "").isEmpty
        guard chosen || FileManager.default.isExecutableFile(atPath: path) else {
            throw OutputFile.Failure(status: 69, description: "the PDF needs spasm-render, which is not installed beside spasm (looked for \(path)); run scripts/install, or set SPASM_RENDER to its path")
        }
        return path
    }

    static func render(_ entries: [Entry], advice: [Advice], activities: ActivityRisk, acknowledged: Set<UUID>, period: ExportPeriod,
                       configuration: Configuration) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        let paper = PaperSize.resolve(configuration.exportPaper, environment: ProcessInfo.processInfo.environment)
        process.arguments = [
            "--from", CivilTime(period.start, utcOffset: period.utcOffset).iso8601,
            "--to", CivilTime(period.end, utcOffset: period.endUTCOffset).iso8601,
            "--paper", paper.rawValue,
            "--day-start-hour", String(configuration.dayStartHour),
            "--pt-times", configuration.ptTimes.joined(separator: ","),
            "--pt-weekdays", configuration.ptWeekdays.joined(separator: ","),
        ]
        // The suggestions travel in a private temporary file: stdin carries the backup.
        let adviceFile = FileManager.default.temporaryDirectory.appendingPathComponent("spasm-advice-\(UUID().uuidString).json")
        try JSONEncoder().encode(advice).write(to: adviceFile, options: .atomic)
        defer { try? FileManager.default.removeItem(at: adviceFile) }
        let activitiesFile = FileManager.default.temporaryDirectory.appendingPathComponent("spasm-activities-\(UUID().uuidString).json")
        try JSONEncoder().encode(activities).write(to: activitiesFile, options: .atomic)
        defer { try? FileManager.default.removeItem(at: activitiesFile) }
        process.arguments! += ["--advice", adviceFile.path, "--activities", activitiesFile.path]
        if !acknowledged.isEmpty {
            process.arguments! += ["--acknowledged", acknowledged.map { $0.uuidString.lowercased() }.sorted().joined(separator: ",")]
        }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw OutputFile.Failure(status: 69, description: "cannot run \(process.executableURL!.path): \(error.localizedDescription)")
        }
        // Read both pipes while writing, so neither side can block on a full pipe.
        nonisolated(unsafe) var pdf = Data(), messages = Data()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { pdf = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { messages = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let backup = JournalBackup.encode(entries)
        try? input.fileHandleForWriting.write(contentsOf: backup)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0, !pdf.isEmpty else {
            let detail = String(decoding: messages, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // 69: spasm-render could not load a library it needs (cairo, pango), which is the
            // machine's to mend, as when spasm-render is missing; anything else is a failure of its own.
            if process.terminationStatus == 69 {
                throw OutputFile.Failure(status: 69, description: "spasm-render cannot start: \(detail)")
            }
            throw OutputFile.Failure(status: 70, description: "spasm-render failed (status \(process.terminationStatus)): \(detail)")
        }
        return pdf
    }
}
