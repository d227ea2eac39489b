import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

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

    /// Runs `smsauth arguments…` with `environment` added to this process's environment; through `launcher` (a
    /// command and its arguments, such as `setpriv` to run as another user) when one is given, and as `nobody` (uid
    /// and gid 65534, through `setpriv`) when `unprivileged`. Waits for one of the `slots` unless `ownEmulator` (a
    /// command that talks only to an emulator its test started for itself does not load the shared one).
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                    launcher: [String] = [], unprivileged: Bool = false, ownEmulator: Bool = false) async throws -> Result {
        let launcher = unprivileged ? [setpriv.path, "--reuid=65534", "--regid=65534", "--clear-groups"] : launcher
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [binary.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let out = Self.closedOnExec(Pipe()), err = Self.closedOnExec(Pipe())
        process.standardOutput = out
        process.standardError = err
        if ownEmulator { return try await execute(process, out: out, err: err) }
        return try await slots.run { try await execute(process, out: out, err: err) }
    }

    /// `pipe` with both ends closed on exec: only the child it is given to (as its standard output or error) holds
    /// its write end, so its reader sees the end when that child exits, not when every child started meanwhile (a
    /// long-running controller) has.
    static func closedOnExec(_ pipe: Pipe) -> Pipe {
        for handle in [pipe.fileHandleForReading, pipe.fileHandleForWriting] {
            _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        return pipe
    }

    /// Runs `process`, whose output goes to `out` and `err`, to its end.
    private static func execute(_ process: Process, out: Pipe, err: Pipe) async throws -> Result {
        try process.run()
        let (stdout, stderr) = await collect(process, out: out, err: err)
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// How many `run` commands may run at once across the whole test process: the shared emulator answers one request
    /// at a time, and so many suites run commands in parallel that it would otherwise time out.
    static let slots = AsyncSemaphore(limit: 2)

    /// Reads both pipes to their end and waits for `process`, each on a thread of its own (`blocking`), never on the
    /// test's shared concurrency threads: a blocked shared thread per running command (two on a 2-core machine)
    /// stalls every other test in the process until the command ends.
    static func collect(_ process: Process, out: Pipe, err: Pipe) async -> (stdout: Data, stderr: Data) {
        let outHandle = out.fileHandleForReading, errHandle = err.fileHandleForReading
        async let stderr = blocking { errHandle.readDataToEndOfFile() }
        let stdout = await blocking { outHandle.readDataToEndOfFile() }
        let collected = (stdout, await stderr)
        await blocking { process.waitUntilExit() }
        return collected
    }

    /// The result of `work`, which blocks, run on a new thread. Not on Dispatch's global queues either: they have as
    /// many threads as cores, and two reads blocked on pipes a long-running child keeps open (a controller started
    /// meanwhile inherits their write ends) held every other command's reads and waits, until each test hit its
    /// time limit (a fresh-clone CI run on a20168d).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    /// Starts `smsauth` once per entry of `runs` (arguments, environment added), all before waiting for any, so they
    /// really run at the same time (not one per free thread of the test's pool), then waits for all of them on a
    /// thread of its own (`blocking`: holding no thread of the pool, or of Dispatch, other tests need).
    static func runTogether(_ runs: [(arguments: [String], environment: [String: String])]) async throws -> [Result] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var started: [(process: Process, stdout: URL, stderr: URL)] = []
        for (index, run) in runs.enumerated() {
            let process = Process()
            process.executableURL = binary
            process.arguments = run.arguments
            process.environment = ProcessInfo.processInfo.environment.merging(run.environment) { $1 }
            let stdout = folder.appendingPathComponent("\(index).out"), stderr = folder.appendingPathComponent("\(index).err")
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: stdout)
            process.standardError = try FileHandle(forWritingTo: stderr)
            try process.run()
            started.append((process, stdout, stderr))
        }
        let processes = started.map(\.process)
        await blocking { for process in processes { process.waitUntilExit() } }
        return try started.map { run in
            Result(status: run.process.terminationStatus,
                   stdout: try String(contentsOf: run.stdout, encoding: .utf8),
                   stderr: try String(contentsOf: run.stderr, encoding: .utf8))
        }
    }
}

