import ArgumentParser

@main
struct DescentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "descent",
    abstract: "Step-size planning (Csawg) and the methods it is compared with.",
    subcommands: [RunCommand.self, CompareCommand.self, ReproduceCommand.self, ListCommand.self])
}
