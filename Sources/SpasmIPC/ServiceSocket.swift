/// Where spasmd listens.
public enum ServiceSocket {
    /// $SPASM_SOCKET, else $XDG_RUNTIME_DIR/spasm/spasmd.sock; nil when there is no runtime directory.
    public static func path(environment: [String: String]) -> String? {
        if let path = environment["SPASM_SOCKET"], !path.isEmpty { return path }
        guard let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") else { return nil }
        return runtime + "/spasm/spasmd.sock"
    }
}
