import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A running `smsauth controller` (the real binary) whose JSON log lines are collected as they arrive.
final class ControllerProcess: @unchecked Sendable {
    /// The child process.
    let process = Process()
    /// Guards `output`.
    private let lock = NSLock()
    /// Standard error so far.
    private var output = ""

    /// Starts `smsauth controller arguments…` in `directory` with `environment` added, logging JSON at debug level.
    init(_ arguments: [String], environment: [String: String], directory: URL) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = ["controller"] + arguments + ["--log-format", "json", "--log-level", "debug"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let err = CLIRunner.closedOnExec(Pipe())
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            self?.append(String(decoding: data, as: UTF8.self))
        }
        try process.run()
    }

    /// Everything written to standard error so far.
    var log: String { lock.withLock { output } }

    /// Log records (JSON objects) so far.
    var records: [[String: Any]] {
        log.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Waits (polling, bounded by `timeout`) for a log record with `message`; returns it or nil.
    func waitFor(message: String, timeout: Duration = .seconds(20)) async throws -> [String: Any]? {
        try await Poll.until(timeout: timeout) { self.records.first { $0["message"] as? String == message } }
    }

    /// The port of the HTTP endpoint, from the `serving …` log record.
    func httpPort(timeout: Duration = .seconds(20)) async throws -> Int? {
        let record = try await waitFor(message: "serving /metrics, /healthz and /readyz", timeout: timeout)
        guard let address = record?["address"] as? String, let port = address.split(separator: ":").last else {
            return nil
        }
        return Int(port)
    }

    /// `GET http://127.0.0.1:<port><path>`: status and body.
    static func get(port: Int, _ path: String) async throws -> (status: Int, body: String) {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else { return (0, "") }
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        Glibc.kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit (bounded); its exit status, or nil if it is still running.
    func exitStatus(timeout: Duration = .seconds(40)) async throws -> Int32? {
        try await Poll.until(timeout: timeout) { self.process.isRunning ? nil : self.process.terminationStatus }
    }

    /// Stops the process if it is still running (SIGKILL) so a failed test leaves nothing behind.
    func stop() {
        if process.isRunning { send(SIGKILL) }
    }

    /// Appends output.
    private func append(_ text: String) {
        lock.withLock { output += text }
    }
}

/// Bounded polling of real state (files, logs, the emulator) in end-to-end tests.
enum Poll {
    /// Calls `probe` every 50 ms until it returns a value or `timeout` passes (then nil).
    static func until<T>(timeout: Duration, _ probe: () async throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let value = try await probe() { return value }
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// The controller's end-to-end suites, run one test at a time: each starts a real controller against the shared
/// emulator, and the latency and timing they check must not depend on how many others run at once.
@Suite(.serialized) enum ControllerEndToEnd {}
