import AWSCore
import ArgumentParser
import Foundation

/// The `smsauth` command: keeps SMS sign-in on AWS equal to a directory of YAML manifests.
@main
struct SmsAuth: AsyncParsableCommand {
    /// Parses and runs the command as swift-argument-parser does, except that its argument errors carry the same
    /// `error:` prefix as every other error of smsauth (`ArgumentErrorText`), and that the tasks of every command but
    /// the controller run on the I/O event loop its AWS calls use (`IOEventLoop`).
    static func main() async {
        await parseAndRun()
    }

    /// `main()`'s work, outside the main actor so that the command's tasks can leave it.
    private nonisolated static func parseAndRun() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                if command is ControllerCommand {
                    // Long-running: its HTTP probes must answer while one of its tasks waits on a file lock, which
                    // would hold up the one I/O thread. It keeps Swift's shared pool (its timers are the loop's).
                    try await asyncCommand.run()
                } else {
                    try await IOEventLoop.run { try await asyncCommand.run() }
                }
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    StandardError.write(ArgumentErrorText.prefixed(message) + "\n")
                }
            }
            Foundation.exit(code.rawValue)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "smsauth",
        abstract: "Keep SMS sign-in on AWS (Cognito user pools, SMS role, MFA, SNS sandbox, origination numbers) equal to YAML manifests.",
        version: SmsAuthVersion.current,
        subcommands: [Validate.self, Reconcile.self, ControllerCommand.self, Status.self, Verify.self, Doctor.self, Outputs.self, Export.self, StateCommand.self, Schema.self, Explain.self]
    )
}

/// swift-argument-parser's error text in smsauth's form.
enum ArgumentErrorText {
    /// `message` with its leading `Error: ` (swift-argument-parser's prefix) written `error: `, as smsauth's own
    /// errors are (`StandardError`).
    static func prefixed(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }
}
