import AWSCore
import Foundation
import Manifests

/// Why a sandbox number could not be verified or deleted yet. Messages say what to do; they never contain a
/// one-time password.
public enum SandboxNumberError: ReconcileError, Equatable {
    /// AWS refused DeleteSMSSandboxPhoneNumber because 24 hours have not passed since the number's verification or
    /// its last verification attempt. Terminal with a time: the same delete succeeds from `retryAt` on, so it is
    /// not retried before then.
    case deleteNotYetAllowed(phoneNumber: String, region: String, retryAt: Date)
    /// VerifySMSSandboxPhoneNumber answered `VerificationException` (VerifyDestinationNumber `ValidationException`):
    /// the code is wrong or expired.
    case wrongCode(name: String, phoneNumber: String, region: String, service: SmsService = .sns)
    /// The number is not in the region's sandbox (`ResourceNotFound`, `ResourceNotFoundException`).
    case notInSandbox(name: String, phoneNumber: String, region: String, service: SmsService = .sns)
    /// `spec.oneTimePasswordFile` could not be read.
    case unreadableCodeFile(path: String)
    /// `spec.oneTimePasswordFile` does not hold 5 to 8 digits.
    case malformedCodeFile(path: String)
    /// No region for the number: neither `spec.region` nor a default region.
    case noRegion(name: String)

    /// How long AWS keeps a number after its verification or last verification attempt.
    public static let deleteDelay: TimeInterval = 24 * 3600

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .deleteNotYetAllowed: "sandboxNumber.deleteWaiting"
        case .wrongCode: "sandboxNumber.wrongCode"
        case .notInSandbox: "sandboxNumber.notInSandbox"
        case .unreadableCodeFile: "sandboxNumber.unreadableCodeFile"
        case .malformedCodeFile: "sandboxNumber.malformedCodeFile"
        case .noRegion: "sandboxNumber.noRegion"
        }
    }

    /// What happened and what to do.
    public var message: String {
        switch self {
        case let .deleteNotYetAllowed(phoneNumber, region, retryAt):
            "waiting: AWS deletes \(phoneNumber) from the SMS sandbox of \(region) only 24 hours after its "
                + "verification or last verification attempt; it becomes possible at \(Self.format(retryAt)) at the "
                + "latest, and a later reconcile deletes it then"
        case let .wrongCode(name, phoneNumber, region, service):
            "the code is wrong or expired for \(phoneNumber) (\(SandboxService.sandboxName(service)) of \(region)); "
                + "have AWS text a new one with `smsauth verify \(name) --resend`"
                + (service == .sns ? " (SNS sends at most 5 again in 24 hours)" : "")
                + ", then run `smsauth verify \(name) --code <code from the SMS>`"
        case let .notInSandbox(name, phoneNumber, region, service):
            "\(phoneNumber) is not in the \(SandboxService.sandboxName(service)) of \(region): run `smsauth reconcile` to "
                + "add SandboxNumber/\(name) (which texts it a new one-time password)"
        case let .unreadableCodeFile(path):
            "cannot read the one-time password file \(path)"
        case let .malformedCodeFile(path):
            "the one-time password file \(path) must hold only the 5 to 8 digit code from the SMS"
        case let .noRegion(name):
            "SandboxNumber/\(name) has no region: set spec.region, --region or AWS_REGION"
        }
    }

    /// None is retryable: the 24-hour rule says when the delete becomes possible (`retryAt`), the rest needs the user.
    public var isRetryable: Bool { false }

    /// When a refused delete becomes possible.
    public var retryAt: Date? {
        if case .deleteNotYetAllowed(_, _, let retryAt) = self { return retryAt }
        return nil
    }

    /// The AWS error code behind it.
    public var awsErrorCode: String? {
        switch self {
        case .deleteNotYetAllowed: "UserError"
        case .wrongCode(_, _, _, .sns): "VerificationException"
        case .wrongCode(_, _, _, .endUserMessaging): "ValidationException"
        case .notInSandbox(_, _, _, .sns): "ResourceNotFound"
        case .notInSandbox(_, _, _, .endUserMessaging): "ResourceNotFoundException"
        case .unreadableCodeFile, .malformedCodeFile, .noRegion: nil
        }
    }

    /// The typed error for an AWS error of verifying in `service`'s sandbox (SNS VerifySMSSandboxPhoneNumber, End
    /// User Messaging VerifyDestinationNumber), or nil for errors that stay `AWSError`.
    public static func verification(_ error: AWSError, service: SmsService = .sns, name: String, phoneNumber: String,
                                    region: String) -> SandboxNumberError? {
        switch (service, error.code) {
        case (.sns, "VerificationException"), (.endUserMessaging, "ValidationException"):
            .wrongCode(name: name, phoneNumber: phoneNumber, region: region, service: service)
        case (.sns, "ResourceNotFound"), (.endUserMessaging, "ResourceNotFoundException"):
            .notInSandbox(name: name, phoneNumber: phoneNumber, region: region, service: service)
        default: nil
        }
    }

    /// When a refused delete becomes possible: 24 hours after smsauth last changed the number when that is still
    /// ahead, else 24 hours from `now` (an attempt made outside smsauth; AWS reports no times).
    public static func deleteRetryTime(lastChanged: Date?, now: Date) -> Date {
        if let lastChanged, lastChanged.addingTimeInterval(deleteDelay) > now {
            return lastChanged.addingTimeInterval(deleteDelay)
        }
        return now.addingTimeInterval(deleteDelay)
    }

    /// ISO 8601 UTC with whole seconds.
    private static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
