import Foundation

/// Runs the `smsauth` executable built next to the test bundle and captures its output.
enum CLIRunner {
    /// What one run printed and returned.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built binary: `SMSAUTH_BINARY` if set, else `smsauth` in the products folder that holds the test runner.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SMSAUTH_BINARY"] { return URL(fileURLWithPath: path) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("smsauth")
    }

    /// Runs `smsauth arguments…` with `environment` added to this process's environment; through `launcher` (a
    /// command and its arguments, such as `setpriv` to run as another user) when one is given.
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                    launcher: [String] = []) async throws -> Result {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [binary.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderrReader = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = await stderrReader.value
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
