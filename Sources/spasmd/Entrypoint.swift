import SpasmDaemon

@main
struct Entrypoint {
    static func main() { Service.main() }
}
