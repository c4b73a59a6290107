import Foundation
import SpasmCore

/// Where spasm keeps the journal and reads its settings: the XDG base directories.
public enum Locations {
    /// `--db`, else $SPASM_DB, else $XDG_DATA_HOME/spasm/journal.sqlite.
    public static func journal(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override { return override }
        if let path = environment["SPASM_DB"], !path.isEmpty { return path }
        return base("XDG_DATA_HOME", fallback: ".local/share", environment) + "/spasm/journal.sqlite"
    }

    /// `--config`, else $XDG_CONFIG_HOME/spasm/config.toml.
    public static func configuration(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override { return override }
        return base("XDG_CONFIG_HOME", fallback: ".config", environment) + "/spasm/config.toml"
    }

    /// A program installed with spasm (`spasm-render`, `spasm-notify`): `$variable` when set, else
    /// the file of that name in the directory of the running executable, where scripts/install puts
    /// them all.
    public static func companion(named name: String, variable: String,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[variable], !path.isEmpty { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let own = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return (own as NSString).deletingLastPathComponent + "/" + name
    }

    private static func base(_ variable: String, fallback: String, _ environment: [String: String]) -> String {
        // The XDG spec: relative paths in these variables are invalid and must be ignored.
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/" + fallback
    }
}

extension LoadedConfiguration {
    /// Reads the user's settings file over the defaults. A missing file is fine unless it was named explicitly.
    public static func read(from path: String, explicitly named: Bool) throws -> LoadedConfiguration {
        let text: String?
        if let data = FileManager.default.contents(atPath: path) {
            guard let decoded = String(validating: data, as: UTF8.self) else {
                throw ConfigurationError(file: path, line: 1, key: nil, message: "is not UTF-8 text")
            }
            text = decoded
        } else if named {
            throw ConfigurationError(file: path, line: 0, key: nil, message: "cannot read this file")
        } else {
            text = nil
        }
        return try load(with: text, file: path)
    }
}
