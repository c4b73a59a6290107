/// A weekly check-in on pain and function: the PEG scale (Krebs EE et al., J Gen Intern Med 2009;
/// 24(6):733-8; free to use), three items from the Brief Pain Inventory about the past week, each 0-10.
/// The score is their mean; a change of it over weeks is what a clinician reads.
public struct CheckIn: Sendable, Equatable {
    /// What number best describes your pain on average in the past week (0 no pain, 10 as bad as you can imagine).
    public var pain: Int
    /// How much pain has interfered with your enjoyment of life in the past week (0 not at all, 10 completely).
    public var enjoyment: Int
    /// How much pain has interfered with your general activity in the past week (0 not at all, 10 completely).
    public var activity: Int

    /// The three answers, each a whole number from 0 to 10.
    public init(pain: Int, enjoyment: Int, activity: Int) throws(InputError) {
        for (name, value) in [("pain", pain), ("enjoyment", enjoyment), ("activity", activity)] where !(0...10).contains(value) {
            throw InputError(name, "\(value) is outside 0-10", hint: "the PEG items are each 0 (none) to 10 (worst)")
        }
        self.init(unchecked: pain, enjoyment: enjoyment, activity: activity)
    }

    /// Answers already checked (read back from the journal).
    public init(unchecked pain: Int, enjoyment: Int, activity: Int) {
        self.pain = pain
        self.enjoyment = enjoyment
        self.activity = activity
    }

    /// The PEG score: the mean of the three items, 0-10.
    public var score: Double { Double(pain + enjoyment + activity) / 3 }
}

extension CheckIn: Codable {
    enum CodingKeys: String, CodingKey { case pain, enjoyment, activity }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let values = try (c.decode(Int.self, forKey: .pain), c.decode(Int.self, forKey: .enjoyment), c.decode(Int.self, forKey: .activity))
        for (key, value) in [(CodingKeys.pain, values.0), (.enjoyment, values.1), (.activity, values.2)] where !(0...10).contains(value) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "outside 0-10")
        }
        self.init(unchecked: values.0, enjoyment: values.1, activity: values.2)
    }
}
