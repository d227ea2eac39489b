import ArgumentParser
import Testing

@testable import smsauth

/// Every command names itself in its configuration, so parsing the command line never derives names from type names
/// by reflection (which looks up protocol conformances across the whole binary at each start). The names themselves
/// are what every command-line test types.
struct CommandNameTests {
    /// Every command under `command`, itself included.
    static func commands(under command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { commands(under: $0) }
    }

    @Test func everyCommandNamesItself() {
        let commands = Self.commands(under: SmsAuth.self)
        #expect(commands.count > 10)
        for command in commands {
            #expect(command.configuration.commandName != nil, "\(command)")
        }
    }
}
