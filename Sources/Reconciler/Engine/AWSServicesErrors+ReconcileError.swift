import AWSServices

extension IAMRole.Failure: ReconcileError {
    /// What IAM's answer lacked.
    public var message: String { description }
    /// An incomplete answer may be complete the next time.
    public var isRetryable: Bool { true }
}

extension PolicyDocument.Failure: ReconcileError {
    /// Why the policy document could not be read.
    public var message: String { description }
    /// A policy document IAM holds does not change by itself.
    public var isRetryable: Bool { false }
}

extension UserPoolDescription.Failure: ReconcileError {
    /// What Cognito's answer lacked.
    public var message: String { description }
    /// An incomplete answer may be complete the next time.
    public var isRetryable: Bool { true }
}

extension AppClientDescription.Failure: ReconcileError {
    /// What Cognito's answer lacked.
    public var message: String { description }
    /// An incomplete answer may be complete the next time.
    public var isRetryable: Bool { true }
}

extension STS.Failure: ReconcileError {
    /// What STS's answer lacked.
    public var message: String { description }
    /// An incomplete answer may be complete the next time.
    public var isRetryable: Bool { true }
}

extension STSCredentialsClient.Failure: ReconcileError {
    /// What STS's answer lacked.
    public var message: String { description }
    /// An incomplete answer may be complete the next time.
    public var isRetryable: Bool { true }
}
