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

    /// `setpriv`, which runs the binary as the unprivileged user `nobody` (the tests run as root, whom permission
    /// bits do not stop).
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")

    /// Runs `smsauth arguments…` with `environment` added to this process's environment; as `nobody` (uid and gid
    /// 65534, through `setpriv`) when `unprivileged`.
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                    unprivileged: Bool = false) async throws -> Result {
        let process = Process()
        if unprivileged {
            process.executableURL = setpriv
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
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
