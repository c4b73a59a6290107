import Foundation

// The one JSON shape of an entry: `spasm --json` output, undo snapshots, and the daemon's messages.
// Times are ISO 8601 with the offset the user was at, so the clock time they saw survives.

extension Entry: Codable {
    enum CodingKeys: String, CodingKey {
        case id, uuid, kind, at, utcOffset = "utc_offset", note, episode, caffeine, treatment, activity, checkin
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(uuid.uuidString.lowercased(), forKey: .uuid)
        try c.encode(kind, forKey: .kind)
        try c.encode(CivilTime(at, utcOffset: utcOffset).iso8601, forKey: .at)
        try c.encode(utcOffset, forKey: .utcOffset)
        try c.encode(note, forKey: .note)
        switch body {
        case .episode(let e): try c.encode(e, forKey: .episode)
        case .caffeine(let k): try c.encode(k, forKey: .caffeine)
        case .treatment(let t): try c.encode(t, forKey: .treatment)
        case .checkin(let p): try c.encode(p, forKey: .checkin)
        case .activity(let a): try c.encode(a, forKey: .activity)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(EntryID.self, forKey: .id)
        let uuidText = try c.decode(String.self, forKey: .uuid)
        guard let uuid = UUID(uuidString: uuidText) else {
            throw DecodingError.dataCorruptedError(forKey: .uuid, in: c, debugDescription: "not a UUID")
        }
        self.uuid = uuid
        (at, utcOffset) = try c.decodeInstant(forKey: .at)
        // utc_offset repeats the offset written in `at`: one that disagrees is a mistake, not a choice.
        if let stated = try c.decodeIfPresent(Int.self, forKey: .utcOffset), stated != utcOffset {
            throw DecodingError.dataCorruptedError(forKey: .utcOffset, in: c, debugDescription: "\(stated) disagrees with the offset of at (\(utcOffset))")
        }
        note = try c.decodeIfPresent(String.self, forKey: .note)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .episode: body = .episode(try c.decode(Episode.self, forKey: .episode))
        case .caffeine: body = .caffeine(try c.decode(CaffeineIntake.self, forKey: .caffeine))
        case .treatment: body = .treatment(try c.decode(Treatment.self, forKey: .treatment))
        case .checkin: body = .checkin(try c.decode(CheckIn.self, forKey: .checkin))
        case .activity: body = .activity(try c.decode(Activity.self, forKey: .activity))
        }
    }
}

extension Episode: Codable {
    enum CodingKeys: String, CodingKey {
        case region, side, severity, triggers, redFlags = "red_flags", endedAt = "ended_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(region, forKey: .region)
        try c.encode(side, forKey: .side)
        try c.encode(severity.rawValue, forKey: .severity)
        try c.encode(triggers, forKey: .triggers)
        try c.encode(redFlags, forKey: .redFlags)
        try c.encode(endedAt.map { CivilTime($0, utcOffset: endedUTCOffset ?? 0).iso8601 }, forKey: .endedAt)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let level = try c.decode(Int.self, forKey: .severity)
        guard let severity = Severity(rawValue: level) else {
            throw DecodingError.dataCorruptedError(forKey: .severity, in: c, debugDescription: "outside 0-10")
        }
        var ended: (Date, Int)?
        if c.contains(.endedAt), try !c.decodeNil(forKey: .endedAt) { ended = try c.decodeInstant(forKey: .endedAt) }
        self.init(region: try c.decode(BodyRegion.self, forKey: .region),
                  side: try c.decodeIfPresent(BodySide.self, forKey: .side),
                  severity: severity,
                  triggers: try c.decodeIfPresent([String].self, forKey: .triggers) ?? [],
                  redFlags: try c.decodeIfPresent([RedFlag].self, forKey: .redFlags) ?? [],
                  endedAt: ended?.0, endedUTCOffset: ended?.1)
    }
}


extension KeyedDecodingContainer {
    func decodeInstant(forKey key: Key) throws -> (Date, Int) {
        let text = try decode(String.self, forKey: key)
        guard let instant = CivilTime.parseISO8601(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an ISO 8601 time with offset: \(text)")
        }
        return instant
    }
}

extension CivilTime {
    /// The wall clock a time from the interfaces names ("2026-11-29T14:32:00+01:00"), at its own offset.
    public init?(iso8601 text: String) {
        guard let (instant, offset) = CivilTime.parseISO8601(text) else { return nil }
        self.init(instant, utcOffset: offset)
    }

    /// Reads "2026-11-29T09:12:00+01:00" (or Z, or ±HHMM) as written by `iso8601`: an instant and its offset.
    public static func parseISO8601(_ text: String) -> (Date, Int)? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var value = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32, b[13] == 58, b[16] == 58,
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 60 else { return nil }
        var offset = 0
        let rest = b[19...]
        if rest.count == 1, rest.first == 90 { offset = 0 }
        else if rest.count == 6 || rest.count == 5, rest.first == 43 || rest.first == 45 {
            let colon = rest.count == 6 ? 1 : 0
            guard let oh = number(20..<22), let om = number((22 + colon)..<(24 + colon)), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (rest.first == 45 ? -1 : 1)
        } else { return nil }
        let seconds = CivilTime.days(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + s - offset
        return (Date(timeIntervalSince1970: Double(seconds)), offset)
    }
}
