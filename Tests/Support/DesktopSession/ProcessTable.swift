import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Live processes as /proc lists them, for tests that check what a program started.
public enum ProcessTable {
    /// Processes named `name` whose parent is `parent`; zombies (exited, not yet collected) are left out.
    public static func children(of parent: pid_t, named name: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { pid in
            // "pid (name) state ppid ...": the name may hold spaces and parentheses, so split after the last ")".
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            return stat[stat.index(after: open)..<close] == name && fields.count > 1 && fields[0] != "Z"
                && pid_t(fields[1]) == parent
        }
    }
}
