import Foundation

/// The overall state of one resource after its last reconcile.
public enum StatusPhase: String, Codable, CaseIterable, Sendable {
    /// Live state equals the manifest.
    case ready = "Ready"
    /// Not reconciled yet, or a change is in progress.
    case pending = "Pending"
    /// Waiting on a dependency that is refused or failed.
    case blocked = "Blocked"
    /// The needed change is not allowed by policy.
    case refused = "Refused"
    /// Live state was changed out of band and not (yet) corrected.
    case drifted = "Drifted"
    /// The last apply failed.
    case error = "Error"
    /// Left alone by `policy.suspend` or the settings document's `suspend` until that is removed.
    case suspended = "Suspended"
    /// Exists, but AWS waits on the user: a registration the reviewer denied (the condition's message has the
    /// reasons); fixed by changing the manifest.
    case needsAttention = "NeedsAttention"
}

/// The truth value of a condition, as in Kubernetes.
public enum ConditionStatus: String, Codable, Sendable {
    /// The condition holds.
    case isTrue = "True"
    /// The condition does not hold.
    case isFalse = "False"
    /// Not known.
    case unknown = "Unknown"
}

/// One observed condition (e.g. `Ready`, `Synced`) with when its status last changed.
public struct StatusCondition: Codable, Equatable, Sendable {
    /// Condition name, e.g. `Ready`.
    public var type: String
    /// Whether it holds.
    public var status: ConditionStatus
    /// CamelCase machine reason, e.g. `DependencyFailed`.
    public var reason: String
    /// Human explanation.
    public var message: String
    /// When `status` last changed (kept when only reason or message change).
    public var lastTransitionTime: Date

    /// Creates a condition.
    public init(type: String, status: ConditionStatus, reason: String, message: String, lastTransitionTime: Date) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
    }
}

/// A field found changed out of band, and whether smsauth put it back.
public struct DriftRecord: Codable, Equatable, Sendable {
    /// Manifest path of the field.
    public var field: String
    /// The value found live (out of band); secrets are `sensitive`. As in the plan, `before` is what AWS had.
    public var before: PlanValue
    /// The value the manifest wants (what a correction puts back); secrets are `sensitive`.
    public var after: PlanValue
    /// Whether the drift was corrected (`policy.onDrift: Correct`).
    public var corrected: Bool
    /// When it was found.
    public var detectedAt: Date

    /// Creates a drift record.
    public init(field: String, before: PlanValue, after: PlanValue, corrected: Bool, detectedAt: Date) {
        self.field = field
        self.before = before
        self.after = after
        self.corrected = corrected
        self.detectedAt = detectedAt
    }
}

/// The last error of a resource: smsauth's code, the message, and the AWS error code when AWS answered one.
public struct ErrorRecord: Codable, Equatable, Sendable {
    /// Stable smsauth error code.
    public var code: String
    /// Human explanation (never contains secrets: errors carry none).
    public var message: String
    /// AWS error code, e.g. `InvalidSmsRoleTrustRelationshipException`.
    public var awsErrorCode: String?

    /// Creates an error record.
    public init(code: String, message: String, awsErrorCode: String? = nil) {
        self.code = code
        self.message = message
        self.awsErrorCode = awsErrorCode
    }

    /// The record of an executor failure.
    public init(_ failure: ReconcileFailure) {
        self.init(code: failure.code, message: failure.message, awsErrorCode: failure.awsErrorCode)
    }
}

/// How one run ended for one resource.
public enum RunResult: String, Codable, Sendable {
    /// The change was applied.
    case applied
    /// Nothing needed doing.
    case unchanged
    /// The change was refused by policy.
    case refused
    /// A dependency failed or was refused.
    case blocked
    /// The change failed.
    case failed
}

/// One past run of one resource.
public struct HistoryEntry: Codable, Equatable, Sendable {
    /// When the run ended.
    public var time: Date
    /// What the plan said to do.
    public var action: ChangeAction
    /// How it ended.
    public var result: RunResult

    /// Creates a history entry.
    public init(time: Date, action: ChangeAction, result: RunResult) {
        self.time = time
        self.action = action
        self.result = result
    }
}
