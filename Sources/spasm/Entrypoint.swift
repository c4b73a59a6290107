import SpasmCLI

@main
struct Entrypoint {
    static func main() { Spasm.main() }
}
