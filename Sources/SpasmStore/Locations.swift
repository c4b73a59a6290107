import Foundation
import SpasmCore

/// Where spasm keeps the journal and reads its settings: the XDG base directories.
public enum Locations {
    /// `--db`, else $SPASM_DB, else $XDG_DATA_HOME/spasm/journal.sqlite.
    public static func journal(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override { return override }
        if let path = environment["SPASM_DB"], !path.isEmpty { return path }
        return dataDirectory(environment: environment) + "/journal.sqlite"
    }

    /// `$XDG_DATA_HOME/spasm`: where the journal lives by default, and what no export may write into.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        base("XDG_DATA_HOME", fallback: ".local/share", environment) + "/spasm"
    }

    /// `--config`, else $XDG_CONFIG_HOME/spasm/config.toml.
    public static func configuration(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override { return override }
        return base("XDG_CONFIG_HOME", fallback: ".config", environment) + "/spasm/config.toml"
    }

    /// A program installed with spasm (`spasm-render`, `spasm-notify`): `$variable` when set, else
    /// the file of that name in the directory of the running executable, where scripts/install and
    /// the build put them all, else in `../libexec/spasm/` from there, where the Debian package puts
    /// them (/usr/libexec/spasm beside /usr/bin). When neither exists, the first, for the message.
    public static func companion(named name: String, variable: String,
                                 environment: [String: String] = ProcessInfo.processInfo.environment,
                                 executable: String = runningExecutable()) -> String {
        if let path = environment[variable], !path.isEmpty { return path }
        let directory = (executable as NSString).deletingLastPathComponent
        let beside = directory + "/" + name
        let libexec = (directory as NSString).deletingLastPathComponent + "/libexec/spasm/" + name
        return access(beside, X_OK) != 0 && access(libexec, X_OK) == 0 ? libexec : beside
    }

    /// The path of the running program, from /proc/self/exe (argv[0] only when that cannot be read).
    public static func runningExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
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
        if let data = try readBounded(path) {
            // Some editors on other systems start a UTF-8 file with a byte-order mark: it is not a key.
            let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
            guard let decoded = String(validating: body, as: UTF8.self) else {
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

extension LoadedConfiguration {
    /// The file's bytes, reading no more than one byte past `TOMLDocument.maximumBytes` (a FIFO or
    /// /dev/zero named as the settings file is refused, not read forever); nil when it cannot be read.
    static func readBounded(_ path: String) throws(ConfigurationError) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let limit = TOMLDocument.maximumBytes
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else { return nil }
        guard data.count <= limit else {
            throw ConfigurationError(file: path, line: 1, key: nil, message: "is larger than \(limit) bytes (1 MiB), the limit of a settings file")
        }
        return data
    }
}
