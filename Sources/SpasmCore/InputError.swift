/// Input a user typed that spasm cannot accept, with what to type instead.
///
/// Every validation in the core throws this, so the CLI (and later the daemon) can say which
/// parameter was wrong and exit with a usage status without writing anything.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter at fault, as the user knows it ("severity", "region", "note").
    public var parameter: String
    /// What is wrong, in a sentence fragment that reads after the parameter name.
    public var message: String
    /// A concrete suggestion, e.g. "did you mean lower-back?".
    public var hint: String?

    public init(_ parameter: String, _ message: String, hint: String? = nil) {
        self.parameter = parameter
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(parameter): \(message)"
        if let hint { text += "; \(hint)" }
        return text
    }
}
