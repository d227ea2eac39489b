import Foundation

/// `smsauth arguments…` held at a gate before it starts: it runs as `sh -c 'read _ && exec smsauth …'`, so its process
/// id (which `exec` keeps) is known before smsauth makes its first AWS call, and the emulator's crash hook can be armed
/// for it. `release()` opens the gate; `finish()` waits for the exit.
final class GatedRun {
    /// The shell that becomes smsauth.
    private let process = Process()
    /// The gate: one line on standard input.
    private let gate = CLIRunner.closedOnExec(Pipe())
    /// Standard output and error.
    private let out = CLIRunner.closedOnExec(Pipe()), err = CLIRunner.closedOnExec(Pipe())

    /// How the run ended.
    struct Outcome {
        /// What it printed and its exit status (the signal number when killed).
        var result: CLIRunner.Result
        /// Whether a signal ended it.
        var killedBySignal: Bool
    }

    /// Starts the shell, waiting at the gate.
    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "read _ && exec \"$0\" \"$@\"", CLIRunner.binary.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = gate
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// The process id smsauth will have.
    var pid: Int32 { process.processIdentifier }

    /// Lets smsauth start.
    func release() throws {
        try gate.fileHandleForWriting.write(contentsOf: Data("go\n".utf8))
        try gate.fileHandleForWriting.close()
    }

    /// Waits for the exit and collects the output.
    func finish() async -> Outcome {
        let (stdout, stderr) = await CLIRunner.collect(process, out: out, err: err)
        let result = CLIRunner.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                      stderr: String(decoding: stderr, as: UTF8.self))
        return Outcome(result: result, killedBySignal: process.terminationReason == .uncaughtSignal)
    }
}
