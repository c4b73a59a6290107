import CLazyLibraries
import CLinux
import Glibc
import SpasmCLI
import SpasmDaemon
import SpasmLibnotify
import SpasmReport

/// The Debian package's program: /usr/bin/spasm, and through links named after them spasmd,
/// spasm-render and spasm-notify, each chosen by the name it is run as. A mode that calls into
/// libsystemd, cairo and pango, or libnotify and GLib loads those first.
@main
struct Entrypoint {
    static func main() {
        let name = CommandLine.arguments.first?.split(separator: "/").last.map(String.init) ?? "spasm"
        switch name {
        case "spasmd":
            load("daemon", as: name)
            Service.main()
        case "spasm-render":
            load("render", as: name)
            RenderCommand.main()
        case "spasm-notify":
            load("notify", as: name)
            NotifyHelper.main()
        default:
            Spasm.main()
        }
    }

    /// A library that cannot be loaded ends the program: 69, as for any missing service.
    private static func load(_ mode: String, as name: String) {
        var error = [UInt8](repeating: 0, count: 512)
        guard error.withUnsafeMutableBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { spasm_lazy_load(mode, $0.baseAddress, $0.count) }
        }) != 0 else { return }
        let message = String(decoding: error.prefix { $0 != 0 }, as: UTF8.self)
        let line = "\(name): \(message)\n"
        _ = Array(line.utf8).withUnsafeBytes { spasm_write_all(STDERR_FILENO, $0.baseAddress, UInt($0.count)) }
        exit(69)
    }
}
