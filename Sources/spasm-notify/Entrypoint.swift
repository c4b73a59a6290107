import SpasmLibnotify

@main
struct Entrypoint {
    static func main() { NotifyHelper.main() }
}
