import Foundation
import SpasmCore

extension JournalBackup {
    /// Reads and checks a whole backup before anything is written: the format and version, every
    /// field's type and range, every text against its limit, and that no uuid appears twice.
    ///
    /// Trigger tags are returned in their stored form (trimmed, lower-cased); store ids in the file
    /// are ignored.
    public static func decode(_ data: Data) throws(BackupError) -> [Entry] {
        guard data.count <= maximumBytes else {
            throw BackupError(.tooLarge, "the file is \(data.count) bytes, over the \(maximumBytes)-byte limit of a spasm backup")
        }
        guard JSONNesting.isWithin(data) else {
            throw BackupError(.notABackup, "nests arrays or objects deeper than \(JSONNesting.maximumDepth) levels, which no spasm backup does")
        }
        try checkHeader(data)
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw BackupError(.notJSON, "is not valid JSON (\(error))")
        }
        var seen: [UUID: Int] = [:]
        var entries: [Entry] = []
        entries.reserveCapacity(document.entries.count)
        for (index, original) in document.entries.enumerated() {
            let location = "entries[\(index)]"
            if let first = seen.updateValue(index, forKey: original.uuid) {
                throw BackupError(.duplicate, at: location, "uuid \(original.uuid.uuidString.lowercased()) already appears at entries[\(first)]")
            }
            entries.append(try checked(original, at: location))
        }
        return entries
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// The format and version first, so a newer file is refused for its version, not for a field it added.
    private static func checkHeader(_ data: Data) throws(BackupError) {
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw BackupError(.notABackup, "is JSON but not a spasm backup (expected an object with \"format\": \"\(format)\")")
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw BackupError(.notJSON, "is not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))")
            }
            throw describe(error)
        } catch {
            throw BackupError(.notJSON, "is not valid JSON (\(error))")
        }
        guard header.format == format else {
            let found = header.format.map { "\"format\" is \"\($0)\"" } ?? "it has no \"format\""
            throw BackupError(.notABackup, "is not a spasm backup: \(found), expected \"\(format)\"")
        }
        guard let found = header.version else {
            throw BackupError(.notABackup, at: "version", "is missing")
        }
        guard found <= version else {
            throw BackupError(.newerVersion, at: "version",
                              "this backup has format version \(found), written by a newer spasm; this spasm reads up to version \(version). Update spasm, then import it")
        }
        guard found >= 1 else { throw BackupError(.notABackup, at: "version", "\(found) is not a backup version") }
    }

    /// Entry.validate, plus what only a file needs: offsets in range, tags in the journal's form.
    private static func checked(_ entry: Entry, at location: String) throws(BackupError) -> Entry {
        var entry = entry
        entry.id = nil
        func refuse(_ error: InputError) -> BackupError {
            BackupError(.invalidEntry, at: "\(location).\(error.parameter)", error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
        do throws(InputError) {
            if case .activity(var activity) = entry.body {
                activity.name = try TextField.tag(activity.name, parameter: "activity.name")
                entry.body = .activity(activity)
            }
            try entry.validate()
            try checkOffset(entry.utcOffset, parameter: "at")
            switch entry.body {
            case .episode(var episode):
                var tags: [String] = []
                for text in episode.triggers { tags.append(try TextField.tag(text, parameter: "episode.triggers")) }
                episode.triggers = tags
                if let offset = episode.endedUTCOffset { try checkOffset(offset, parameter: "episode.ended_at") }
                entry.body = .episode(Episode(region: episode.region, side: episode.side, severity: episode.severity,
                                              triggers: episode.triggers, redFlags: episode.redFlags,
                                              endedAt: episode.endedAt, endedUTCOffset: episode.endedUTCOffset))
            case .caffeine, .treatment, .activity, .checkin:
                break   // Entry.validate checked their amounts above.
            }
        } catch {
            throw refuse(error)
        }
        return entry
    }

    /// Real UTC offsets lie within ±14 h; ±18 h is the widest ISO 8601 tools accept.
    private static func checkOffset(_ offset: Int, parameter: String) throws(InputError) {
        guard abs(offset) <= 18 * 3600 else { throw InputError(parameter, "has a UTC offset beyond ±18:00") }
    }

    /// A decoding failure as "entries[3].episode.severity: expected a whole number".
    static func describe(_ error: DecodingError) -> BackupError {
        func path(_ keys: [any CodingKey]) -> String? {
            guard !keys.isEmpty else { return nil }
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return BackupError(.invalidEntry, at: path(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return BackupError(.invalidEntry, at: path(context.codingPath), "is null; expected \(describe(type))")
        case .keyNotFound(let key, let context):
            return BackupError(.invalidEntry, at: path(context.codingPath + [key]), "is missing")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return BackupError(.notJSON, "is not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))")
            }
            // Foundation says "Cannot initialize BodyRegion from invalid String value xyz": name the
            // value and, where the field is a known list, its choices.
            if let range = context.debugDescription.range(of: "from invalid String value ") {
                let value = context.debugDescription[range.upperBound...]
                let choices = context.codingPath.last?.stringValue == "region" ? "; known regions: \(BodyRegion.allCases.map(\.rawValue).joined(separator: ", "))" : ""
                return BackupError(.invalidEntry, at: path(context.codingPath), "'\(value)' is not a value spasm knows here\(choices)")
            }
            return BackupError(.invalidEntry, at: path(context.codingPath), context.debugDescription)
        @unknown default:
            return BackupError(.invalidEntry, "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }
}
