import Foundation
import TestSupport
@testable import Reconciler

/// The generic harness for the messaging handlers' end-to-end tests (SandboxNumber, SmsAccountSettings), with no real
/// sleeping and the one-time passwords the emulator "texts".
typealias SandboxEmulatorHarness = HandlerHarness<SandboxNumberHandler>

extension HandlerHarness where Handler == SandboxNumberHandler {
    /// A harness with its own principal; `now` is the clock handlers see.
    static func make(now: @escaping @Sendable () -> Date = { Date() }) async throws -> Self {
        try await make(SandboxNumberHandler(), now: now, sleep: { _ in })
    }

    /// The last one-time password the emulator "texted" to `phoneNumber` in `region`.
    func oneTimePassword(_ phoneNumber: String, region: String) async throws -> String {
        let number = phoneNumber.replacingOccurrences(of: "+", with: "%2B")
        let data = try await emulator.control("GET", "sandbox-otp?phoneNumber=\(number)&region=\(region)")
        return try JSONDecoder().decode(SandboxPassword.self, from: data).oneTimePassword
    }

    /// A US number no other test uses (+1 555 and 7 random digits).
    static func uniquePhoneNumber() -> String {
        "+1555" + String(format: "%07d", Int.random(in: 0..<10_000_000))
    }
}

/// The emulator's answer to `sandbox-otp`.
private struct SandboxPassword: Decodable {
    var oneTimePassword: String
}
