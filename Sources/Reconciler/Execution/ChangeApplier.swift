/// Carries out one planned change against the world (AWS, in production). The executor decides nothing about
/// what to do; the applier does exactly the change it is given.
public protocol ChangeApplier: Sendable {
    /// Applies a `create`, `update`, `replace`, `delete` or `retain` change; throws (preferably a
    /// `ReconcileError`) when it fails.
    func apply(_ change: ResourceChange) async throws -> AppliedResult
}

/// What applying a change produced.
public struct AppliedResult: Equatable, Sendable {
    /// AWS identifiers of the resource after the change (ids, ARNs), for the status file.
    public var resource: [String: String]
    /// Things the user should know about how it went.
    public var warnings: [String]
    /// The old resource a replacement left to delete once its dependents have moved (`Retirement`), if any.
    public var retirement: Retirement?
    /// Why that old resource is still in AWS after the run (`Executor.retire` did not delete it): the resource is
    /// recorded `Pending`, so that the controller looks at it again and a later run deletes it.
    public var retirementLeft: String?

    /// Creates a result.
    public init(resource: [String: String] = [:], warnings: [String] = [], retirement: Retirement? = nil) {
        self.resource = resource
        self.warnings = warnings
        self.retirement = retirement
    }
}
