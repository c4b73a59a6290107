/// The one set of names for what the user does: `spasm activity NAME` and `spasm log --trigger NAME`
/// share it, so "lifting" logged on an ordinary day and "lifting" tagged on an episode are compared as
/// one activity. A name close to a known one but not equal ("liftng") is refused with "did you mean";
/// `--new` accepts it as a new name.
public struct Vocabulary: Sendable {
    /// The names in the journal, most used first.
    public var known: [String]
    /// Accept a name near a known one as new.
    public var acceptNew: Bool

    public init(known: [String], acceptNew: Bool = false) {
        self.known = known
        self.acceptNew = acceptNew
    }

    /// `text` in its stored form (`TextField.tag`), checked against the known names.
    public func tag(_ text: String, parameter: String) throws(InputError) -> String {
        let name = try TextField.tag(text, parameter: parameter)
        guard !acceptNew, !known.contains(name), let near = Spelling.nearest(to: name, in: known), near != name else { return name }
        throw InputError(parameter, "'\(name)' is not in your journal yet, but '\(near)' is",
                         hint: "did you mean \(near)? To log '\(name)' as a new name, add --new")
    }

    public func tags(_ texts: [String], parameter: String) throws(InputError) -> [String] {
        var names: [String] = []
        for text in texts { names.append(try tag(text, parameter: parameter)) }
        return names
    }
}
