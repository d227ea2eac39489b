import AWSCore
import AWSServices
import Foundation
import Logging
import TestSupport
@testable import Reconciler

/// Real clients (SigV4 signer, AsyncHTTPClient transport) for the messaging handlers' end-to-end tests, with a fresh
/// emulator principal and a log of every request body sent.
struct SandboxEmulatorHarness {

    /// Records each request's action and body, then sends it for real.
    struct RecordingTransport: HTTPTransport {
        let inner: any HTTPTransport
        let log = RequestLog()
        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            await log.append(String(decoding: request.body, as: UTF8.self))
            return try await inner.send(request, timeout: timeout)
        }
    }

    /// Bodies sent, in order.
    actor RequestLog {
        private(set) var bodies: [String] = []
        func append(_ body: String) { bodies.append(body) }
    }

    let emulator: Emulator
    let context: ReconcileContext
    let log: RequestLog

    /// A harness with its own principal; `now` is the clock handlers see.
    static func make(now: @escaping @Sendable () -> Date = { Date() }) async throws -> SandboxEmulatorHarness {
        let emulator = try Emulator.fromEnvironment()
        let principal = try await emulator.newPrincipal()
        let transport = RecordingTransport(inner: emulator.awsTransport())
        let client = emulator.client(for: principal, transport: transport)
        let context = ReconcileContext(client: client, logger: Logger(label: "test"), now: now, sleep: { _ in })
        return SandboxEmulatorHarness(emulator: emulator, context: context, log: transport.log)
    }

    /// An apply context with no references.
    var apply: ApplyContext {
        ApplyContext(reconcile: context, references: ReferenceStore(), options: PlanOptions(account: "123456789012"))
    }

    /// The last one-time password the emulator "texted" to `phoneNumber` in `region`.
    func oneTimePassword(_ phoneNumber: String, region: String) async throws -> String {
        let number = phoneNumber.replacingOccurrences(of: "+", with: "%2B")
        let data = try await emulator.control("GET", "sandbox-otp?phoneNumber=\(number)&region=\(region)")
        struct Answer: Decodable { var oneTimePassword: String }
        return try JSONDecoder().decode(Answer.self, from: data).oneTimePassword
    }

    /// Moves the emulator's clock (global to the emulator) forward.
    func advanceClock(seconds: Double) async throws {
        try await emulator.control("POST", "clock", body: Data(#"{"advanceSeconds": \#(seconds)}"#.utf8))
    }

    /// A US number no other test uses (+1 555 and 7 random digits).
    static func uniquePhoneNumber() -> String {
        "+1555" + String(format: "%07d", Int.random(in: 0..<10_000_000))
    }
}
