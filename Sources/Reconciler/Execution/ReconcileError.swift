import Foundation

/// An error that says whether trying again may help, in the controller-runtime style: retryable errors are
/// requeued with backoff, terminal ones wait for the manifest (or the world) to change.
public protocol ReconcileError: Error, Sendable {
    /// Stable machine-readable code, e.g. `userPool.smsRoleNotTrusted`.
    var code: String { get }
    /// Human explanation; never contains secrets.
    var message: String { get }
    /// Whether the same change may succeed later without a manifest change (throttling, 5xx, propagation delay).
    var isRetryable: Bool { get }
    /// The AWS error code behind it, when AWS answered one.
    var awsErrorCode: String? { get }
    /// For a terminal error whose refusal says when the same change becomes possible (the SNS sandbox keeps a
    /// number 24 hours): that time. The controller looks at the resource again then (or at the next resync, if
    /// sooner) instead of retrying; `reconcile` prints it.
    var retryAt: Date? { get }
}

extension ReconcileError {
    /// No AWS error code unless the conforming type says otherwise.
    public var awsErrorCode: String? { nil }
    /// No known time unless the conforming type says otherwise.
    public var retryAt: Date? { nil }
}

/// A classified failure of one change, as the executor reports and the status file records it.
public struct ReconcileFailure: ReconcileError, Equatable, Codable {
    /// Code for a task cancelled before or while applying.
    public static let cancelledCode = "reconcile.cancelled"
    /// Code for an error that does not conform to `ReconcileError`.
    public static let unclassifiedCode = "reconcile.unclassified"

    /// Stable machine-readable code.
    public let code: String
    /// Human explanation.
    public let message: String
    /// Whether trying again may help.
    public let isRetryable: Bool
    /// The AWS error code, if any.
    public let awsErrorCode: String?
    /// When the refused change becomes possible, if the refusal says so.
    public let retryAt: Date?

    /// Creates a failure.
    public init(code: String, message: String, isRetryable: Bool, awsErrorCode: String? = nil, retryAt: Date? = nil) {
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
        self.awsErrorCode = awsErrorCode
        self.retryAt = retryAt
    }

    /// Classifies any error: a `ReconcileError` keeps its fields; cancellation is retryable; anything else is
    /// retryable too (as controller-runtime requeues unknown errors) and is described only by its type name, so an
    /// unvetted error description can never carry a secret into output.
    public init(classifying error: any Error) {
        switch error {
        case let classified as any ReconcileError:
            self.init(code: classified.code, message: classified.message, isRetryable: classified.isRetryable,
                      awsErrorCode: classified.awsErrorCode, retryAt: classified.retryAt)
        case is CancellationError:
            self.init(code: Self.cancelledCode, message: "cancelled", isRetryable: true)
        default:
            self.init(code: Self.unclassifiedCode, message: "unexpected error of type \(type(of: error))",
                      isRetryable: true)
        }
    }
}
