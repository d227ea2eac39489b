import AWSCore

/// For test set-up that creates or changes an SMS role and then hands it to Cognito with the raw clients (not
/// through the product's own `SmsRolePropagation`): the end-to-end suite runs with the emulator's IAM propagation
/// delay, so Cognito refuses a fresh role for a moment, as on AWS.
public enum RolePropagation {
    /// The Cognito errors of a role IAM has not propagated yet.
    static let codes: Set<String> = ["InvalidSmsRoleTrustRelationshipException", "InvalidSmsRoleAccessPolicyException"]

    /// Runs `operation`, retrying those errors every half second for at most `limit`.
    public static func awaited<T: Sendable>(limit: Duration = .seconds(15),
                                            _ operation: @Sendable () async throws -> T) async throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            do {
                return try await operation()
            } catch let error as AWSError where codes.contains(error.code) && clock.now < deadline {
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}
