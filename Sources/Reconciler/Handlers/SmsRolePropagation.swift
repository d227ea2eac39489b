import AWSCore
import Foundation

/// Retries the Cognito calls that race a freshly created SMS role. Right after IAM creates or changes the role,
/// CreateUserPool, UpdateUserPool and SetUserPoolMfaConfig fail with `InvalidSmsRoleTrustRelationshipException` or
/// `InvalidSmsRoleAccessPolicyException` until IAM's change has propagated (AWS-NOTES.md; Terraform retries these
/// for 2 minutes). After the timeout the error is reported as the misconfiguration it then most likely is.
enum SmsRolePropagation {
    /// The two error codes that mean "the role is not usable by Cognito yet".
    static let retriedCodes: Set<String> = [
        "InvalidSmsRoleTrustRelationshipException", "InvalidSmsRoleAccessPolicyException",
    ]

    /// The error reported once the timeout has passed.
    struct NotUsable: ReconcileError, Equatable, CustomStringConvertible {
        /// The last AWS error.
        let underlying: AWSError
        /// How long it was retried.
        let waited: Duration

        /// Stable error code.
        var code: String { "smsRole.notUsable" }

        /// What is probably wrong (`description`).
        var message: String { description }

        /// After the propagation timeout the role is most likely misconfigured: a manifest change is needed.
        var isRetryable: Bool { false }

        /// The AWS error code behind it.
        var awsErrorCode: String? { underlying.code }

        /// What is probably wrong, and how to fix it.
        var description: String {
            let cause = underlying.code == "InvalidSmsRoleAccessPolicyException"
                ? "the role does not grant the pool's SMS service (sns:Publish, or sms-voice:SendTextMessage on the End User Messaging path: its inline policy is missing or denies it, or the SmsRole's service is not the pool's smsService)"
                : "the role's trust policy does not let cognito-idp.amazonaws.com assume it with this external id and source account"
            return "Cognito still cannot use the SMS role after \(String(format: "%.1f", waited.inSeconds)) s: \(cause). Check the SmsRole manifest's externalId and the pool's smsRole/smsExternalId (\(underlying.code): \(underlying.message))"
        }
    }

    /// Runs `operation`, retrying the SMS-role errors with exponential backoff (1 s doubling, at most 15 s between
    /// attempts, the last attempt when `context.smsRolePropagationTimeout` is reached); other errors are thrown at once.
    static func retrying<T: Sendable>(_ context: ReconcileContext,
                                             _ operation: @Sendable () async throws -> T) async throws -> T {
        let start = context.now()
        var delay = Duration.seconds(1)
        while true {
            do {
                return try await operation()
            } catch let error as AWSError where retriedCodes.contains(error.code) {
                let waited = Duration.seconds(context.now().timeIntervalSince(start))
                let remaining = context.smsRolePropagationTimeout - waited
                guard remaining > .zero else { throw NotUsable(underlying: error, waited: waited) }
                // The last wait is cut short, so that the last attempt is made when the timeout is reached.
                let pause = min(delay, remaining)
                context.logger.notice("SMS role not usable by Cognito yet; retrying", metadata: [
                    "aws.error_code": "\(error.code)", "delay_ms": "\(Int(pause / .milliseconds(1)))",
                ])
                try await context.sleep(pause)
                delay = min(delay * 2, .seconds(15))
            }
        }
    }
}
