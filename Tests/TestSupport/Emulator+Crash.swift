import Foundation

extension Emulator {
    /// The emulator's crash hook (`/_smsauth/crash`, scripts/emulator/README.md "Crash hook"): SIGKILL for a process
    /// right after the emulator has performed its Nth write, before answering it.
    public struct CrashHook: Codable, Sendable, Equatable {
        /// The process to kill.
        public var pid: Int32
        /// Kill after this many performed writes.
        public var afterWrites: Int
        /// Only writes signed with this key count, when set.
        public var accessKeyId: String?
        /// The writes performed since the hook was armed, in order, as `service:Operation` (counting stops when it
        /// fires).
        public var performed: [String]
        /// Whether the process was killed.
        public var fired: Bool
        /// The write that fired it, `service:Operation`.
        public var firedBy: String?
    }

    /// Arms the crash hook (replacing any other): kill `pid` right after the `afterWrites`th write signed with
    /// `accessKeyId` has been performed.
    public func armCrash(pid: Int32, afterWrites: Int, accessKeyId: String) async throws {
        let object: [String: Any] = ["pid": Int(pid), "afterWrites": afterWrites, "accessKeyId": accessKeyId]
        try await control("POST", "crash", body: try JSONSerialization.data(withJSONObject: object))
    }

    /// The armed crash hook and its counters; nil when none is armed.
    public func crashHook() async throws -> CrashHook? {
        let data = try await control("GET", "crash")
        if (try JSONSerialization.jsonObject(with: data) as? [String: Any])?.isEmpty == true { return nil }
        return try JSONDecoder().decode(CrashHook.self, from: data)
    }

    /// `POST /_smsauth/reset`: every account and region empty again, principals kept with their keys, hooks, faults
    /// and the call log cleared. Only for an emulator of the test's own (`EmulatorProcess`): other tests share the
    /// one started by scripts/test.
    public func reset() async throws {
        try await control("POST", "reset", body: Data("{}".utf8))
    }
}
