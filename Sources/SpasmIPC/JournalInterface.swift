import SpasmCore

/// The `io.spasm.Journal` Varlink interface: everything the CLI does to the journal.
///
/// Stable: methods and fields are only ever added. Times are ISO 8601 strings with the offset the
/// user was at. Writes that could be retried after a lost reply carry a client-chosen id
/// (`Entry.uuid` for Add, `request` for the others), so a retry never applies twice.
public enum JournalInterface {
    public static let name = "io.spasm.Journal"

    public enum Method: String, CaseIterable, Sendable {
        case add = "Add"
        case endEpisode = "EndEpisode"
        case update = "Update"
        case delete = "Delete"
        case undo = "Undo"
        case get = "Get"
        case entries = "Entries"
        case openEpisode = "OpenEpisode"
        case status = "Status"

        public var qualified: String { "\(JournalInterface.name).\(rawValue)" }
    }

    public enum ErrorName {
        public static let noSuchEntry = "io.spasm.Journal.NoSuchEntry"
        public static let invalidInput = "io.spasm.Journal.InvalidInput"
        public static let journalUnavailable = "io.spasm.Journal.JournalUnavailable"
    }

    /// The interface description served by GetInterfaceDescription.
    public static let description = """
    # The spasm journal: neck and back spasm episodes, caffeine, treatments, activities and weekly check-ins.
    # Times are ISO 8601 with the UTC offset the user was at, e.g. 2026-11-29T09:12:00+01:00.
    interface io.spasm.Journal

    # A spasm episode. severity: 0 (no pain) to 10 (worst).
    # region: neck, upper-back, mid-back, lower-back, shoulder. side: left, right, both.
    type Episode (
      region: string,
      side: ?string,
      severity: int,
      triggers: ?[]string,
      red_flags: ?[]string,
      ended_at: ?string
    )

    # Caffeine in one entry, servings included.
    type Caffeine (
      milligrams: float,
      drink: ?string,
      servings: float
    )

    # kind: ice, heat, supine-rest, pt, nsaid, muscle-relaxant, medication. relief: 0-10.
    type Treatment (
      kind: string,
      minutes: ?int,
      relief: ?int,
      name: ?string
    )

    # The weekly check-in on pain and function (PEG): each 0-10, about the past week. pain: average
    # pain; enjoyment and activity: how much pain interfered with enjoyment of life, with general activity.
    type CheckIn (
      pain: int,
      enjoyment: int,
      activity: int
    )

    # Something the user did, whether or not a spasm followed. name: lower-case, the same names as
    # an episode's triggers. minutes: 1-1440, or null for a moment or when not said.
    type Activity (
      name: string,
      minutes: ?int
    )

    # One journal entry; exactly one of episode, caffeine, treatment, activity, checkin is set, as kind says.
    # utc_offset repeats the offset of at, in seconds; on input it may be left out, and must agree.
    type Entry (
      id: ?int,
      uuid: string,
      kind: string,
      at: string,
      utc_offset: ?int,
      note: ?string,
      episode: ?Episode,
      caffeine: ?Caffeine,
      treatment: ?Treatment,
      activity: ?Activity,
      checkin: ?CheckIn
    )

    # Saves a new entry. Idempotent: an entry whose uuid is already saved is returned as saved.
    method Add(entry: Entry) -> (entry: Entry)

    # Ends an episode: the one with this id, or the most recent open one.
    method EndEpisode(id: ?int, at: string, request: string) -> (entry: Entry)

    # Replaces an entry's fields (same id and kind); undo brings the old version back.
    method Update(entry: Entry, request: string) -> (entry: Entry)

    # Deletes an entry; it stays in the file for undo.
    method Delete(id: int, request: ?string) -> (entry: Entry)

    # Reverses the most recent add, edit or delete. action: add, edit or delete; null when nothing is left to undo.
    method Undo(request: string) -> (action: ?string, entry: ?Entry)

    method Get(id: int) -> (entry: ?Entry)

    # Entries from (inclusive) to (exclusive), oldest first. kinds: episode, caffeine, treatment, activity, checkin.
    method Entries(from: ?string, to: ?string, kinds: ?[]string) -> (entries: []Entry)

    # The most recent episode that has not ended.
    method OpenEpisode() -> (entry: ?Entry)

    # What the service is doing, as systemctl status shows it.
    method Status() -> (version: string, journal: string, pid: int, entries: int, status: string)

    error NoSuchEntry (id: int)

    # Input spasm cannot accept: which parameter, what is wrong, what to do instead.
    error InvalidInput (parameter: string, message: string, hint: ?string)

    # The journal file could not be used. code: readOnly, diskFull, locked, notAJournal, newerSchema, corrupt, cannotOpen, io.
    error JournalUnavailable (code: string, path: string, message: string)

    """

    // MARK: Parameters and replies

    public struct EntryParameters: Codable, Sendable { public var entry: Entry; public init(entry: Entry) { self.entry = entry } }
    public struct OptionalEntry: Codable, Sendable { public var entry: Entry?; public init(entry: Entry?) { self.entry = entry } }

    public struct EndEpisodeParameters: Codable, Sendable {
        public var id: EntryID?
        public var at: String
        public var request: String
        public init(id: EntryID?, at: String, request: String) { self.id = id; self.at = at; self.request = request }
    }

    public struct UpdateParameters: Codable, Sendable {
        public var entry: Entry
        public var request: String
        public init(entry: Entry, request: String) { self.entry = entry; self.request = request }
    }

    public struct IDParameters: Codable, Sendable {
        public var id: EntryID
        public init(id: EntryID) { self.id = id }
    }

    public struct DeleteParameters: Codable, Sendable {
        public var id: EntryID
        /// Lets a client retry a delete whose reply it lost; without it a retry is refused as a second delete.
        public var request: String?
        public init(id: EntryID, request: String? = nil) { self.id = id; self.request = request }
    }

    public struct RequestParameters: Codable, Sendable {
        public var request: String
        public init(request: String) { self.request = request }
    }

    public struct UndoReply: Codable, Sendable {
        public var action: String?
        public var entry: Entry?
        public init(action: String?, entry: Entry?) { self.action = action; self.entry = entry }
    }

    public struct EntriesParameters: Codable, Sendable {
        public var from: String?
        public var to: String?
        public var kinds: [String]?
        public init(from: String?, to: String?, kinds: [String]?) { self.from = from; self.to = to; self.kinds = kinds }
    }

    public struct EntriesReply: Codable, Sendable {
        public var entries: [Entry]
        public init(entries: [Entry]) { self.entries = entries }
    }

    public struct NoParameters: Codable, Sendable { public init() {} }

    public struct StatusReply: Codable, Sendable, Equatable {
        public var version: String
        public var journal: String
        public var pid: Int
        public var entries: Int
        public var status: String
        public init(version: String, journal: String, pid: Int, entries: Int, status: String) {
            self.version = version; self.journal = journal; self.pid = pid; self.entries = entries; self.status = status
        }
    }
}
