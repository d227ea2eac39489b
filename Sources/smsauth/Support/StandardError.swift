import ArgumentParser
import Foundation

/// Standard error for the commands: free text, and the `error: …` line a command prints when it cannot go on.
enum StandardError {
    /// Writes `text` as it is.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `error: <message>`.
    static func report(_ message: String) {
        write("error: \(message)\n")
    }

    /// Writes `error: <message>` and returns exit status 1, for the command to throw.
    static func failure(_ message: String) -> ExitCode {
        report(message)
        return ExitCode(1)
    }
}
