import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An emulator of the test's own: `scripts/emulator/server.py` started as a child process on a free loopback port,
/// for a test that resets the whole account between steps (the emulator of scripts/test is shared by tests that run
/// at the same time). The Python is `SMSAUTH_EMULATOR_PYTHON`, exported by scripts/lib.sh's `start_emulator`.
public final class EmulatorProcess: @unchecked Sendable {
    /// Why the emulator could not be started.
    public enum Failure: Error, CustomStringConvertible {
        /// `SMSAUTH_EMULATOR_PYTHON` is not set.
        case pythonUnknown
        /// No free port could be found.
        case noFreePort
        /// It exited, or was not healthy in time; its output.
        case notReady(output: String)

        /// Stable error code.
        public var code: String {
            switch self {
            case .pythonUnknown: "emulator-python-unknown"
            case .noFreePort: "emulator-no-free-port"
            case .notReady: "emulator-not-ready"
            }
        }

        /// What went wrong and how to fix it.
        public var description: String {
            switch self {
            case .pythonUnknown:
                "SMSAUTH_EMULATOR_PYTHON is not set: run the tests with scripts/test (or source scripts/lib.sh and run ensure_emulator_python and start_emulator)"
            case .noFreePort: "no free TCP port on 127.0.0.1"
            case let .notReady(output): "the emulator did not become healthy within 60 seconds:\n\(output)"
            }
        }
    }

    /// The repository root (three levels above this file).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The running emulator.
    public let emulator: Emulator
    /// The child process.
    private let process: Process
    /// Its combined output, for the failure message.
    private let log: URL

    private init(emulator: Emulator, process: Process, log: URL) {
        self.emulator = emulator
        self.process = process
        self.log = log
    }

    /// Starts an emulator and waits until `GET /_smsauth/health` answers 200.
    public static func start() async throws -> EmulatorProcess {
        guard let python = ProcessInfo.processInfo.environment["SMSAUTH_EMULATOR_PYTHON"], !python.isEmpty else {
            throw Failure.pythonUnknown
        }
        guard let port = LoopbackPorts.free(in: LoopbackPorts.emulators) else { throw Failure.noFreePort }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-emulator-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository.appendingPathComponent("scripts/emulator/server.py").path,
                             "--host", "127.0.0.1", "--port", String(port)]
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        guard let url = URL(string: "http://127.0.0.1:\(port)") else { throw Failure.noFreePort }
        let started = EmulatorProcess(emulator: Emulator(url: url), process: process, log: log)
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline && process.isRunning {
            if (try? await started.emulator.control("GET", "health")) != nil { return started }
            try await Task.sleep(for: .milliseconds(200))
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        started.stop()
        throw Failure.notReady(output: text)
    }

    /// Stops the emulator (SIGTERM; SIGKILL if it is still running 15 seconds later) and removes its log.
    public func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }
}
