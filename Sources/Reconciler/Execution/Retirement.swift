/// What a replacement that creates the new resource first leaves to do: delete the old resource, once everything
/// that depends on it has moved to the new one (an SMS role: the pools naming it). The executor runs it after the
/// whole plan (`Executor.retire`); while a dependent failed, was blocked or refused, or is not in the plan at all, it
/// keeps naming the old resource, so that resource is left in AWS with a warning rather than deleted under it. The status file then still
/// records the old resource (the read after the apply finds it under the recorded name), so a later run replaces
/// again: it finds the new resource its own, moves the dependents, and deletes the old one.
public struct Retirement: Sendable, Equatable {
    /// What is deleted, as a warning names it ("the old role cognito-sms").
    public let what: String
    /// Deletes it.
    public let delete: @Sendable () async throws -> Void
    /// The other manifests that name the old resource (`KeptReplacements`): it is theirs, so it is kept, never
    /// deleted; empty for a retirement that deletes.
    public var keptFor: [ResourceAddress] = []

    /// A retirement of `what`, carried out by `delete`.
    public init(_ what: String, delete: @escaping @Sendable () async throws -> Void) {
        self.what = what
        self.delete = delete
    }

    /// The same retirement, kept for `manifests` instead of deleted.
    public func kept(for manifests: [ResourceAddress]) -> Retirement {
        var kept = self
        kept.keptFor = manifests
        return kept
    }

    /// Two retirements are the same when they delete the same thing.
    public static func == (lhs: Retirement, rhs: Retirement) -> Bool { lhs.what == rhs.what }
}

/// The retirements handlers leave while applying changes, by the address of the change that left each
/// (`ApplyContext.retireLater`), until the applier hands them to the executor with the change's result.
public actor Retirements {
    /// Left, not yet taken.
    private var left: [ResourceAddress: Retirement] = [:]

    /// Creates an empty set.
    public init() {}

    /// Leaves `retirement` for the change of `address`.
    func leave(_ retirement: Retirement, for address: ResourceAddress) {
        left[address] = retirement
    }

    /// Takes what the change of `address` left, if anything.
    public func take(for address: ResourceAddress) -> Retirement? {
        left.removeValue(forKey: address)
    }
}
