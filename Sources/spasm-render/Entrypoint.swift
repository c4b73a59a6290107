import SpasmReport

@main
struct Entrypoint {
    static func main() { RenderCommand.main() }
}
