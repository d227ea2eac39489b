import AWSServices
import Manifests

/// The plan of one UserPool (pure): StandardPlan over the managed fields, plus the pool's own rules — custom
/// attributes are add-only, a removed manifest never deletes a pool whose deletion protection is ACTIVE, an adopt
/// that names no pool is refused, and replacing or deleting warns about the users that go with the pool.
struct UserPoolPlanner: Sendable {
    /// What a removed manifest must do before its deletion-protected pool can be deleted.
    static let deletionProtectedAdvice =
        "smsauth never turns deletion protection off to delete a pool: put the manifest back with spec.deletionProtection: false, reconcile, then remove it again"

    /// The input.
    let input: PlanInput<UserPoolDescription>

    /// The change.
    func change() throws(PlanError) -> ResourceChange {
        let address = input.address
        guard let desired = input.desired, let spec = UserPoolHandler.spec(desired) else { return try removedChange() }
        let pool = input.live.value
        if let adopt = spec.adopt?.value, pool == nil {
            return try ResourceChange(
                address: address, action: .refuse,
                reason: "spec.adopt names user pool \(adopt), which does not exist; remove spec.adopt to create a new pool",
                dependencies: desired.dependencies)
        }
        let roleOutputs = UserPoolSmsSettings.roleAddress(of: spec).flatMap { input.references[$0] }
        let setOutputs = UserPoolSmsSettings.configurationSetAddress(of: spec).flatMap { input.references[$0] }
        let fields = UserPoolFields(spec: spec, sms: UserPoolSmsSettings.resolve(spec, roleOutputs: roleOutputs,
                                                                                 setOutputs: setOutputs))
        var desiredFields = fields.desired()
        var liveFields: [String: PlanValue]?
        var createdWithout: [String: PlanValue] = [:]
        if let pool {
            let live = fields.live(pool, for: desiredFields)
            desiredFields = fields.desiredWithRemovals(desiredFields, live: live)
            let leftOut = fields.leftOut(of: pool)
            liveFields = live.merging(leftOut.live) { managed, _ in managed }
            createdWithout = leftOut.created
        }
        let standard = StandardPlan(
            desired: desiredFields, live: liveFields, immutable: fields.immutablePaths(for: pool),
            replacementConsequence: Self.consequence(pool),
            adoptsForeign: pool.map { Self.adopts(spec.adopt?.value, $0) } ?? false, foundId: pool?.id,
            createdWithout: createdWithout)
        let change = try standard.change(for: input)
        guard change.action == .replace, let pool else { return change }
        var warnings = change.warnings + [Self.usersWarning(pool, verb: "Replacing")]
        if pool.deletionProtection == "ACTIVE" {
            warnings.append("deletion protection is turned off on the old pool \(pool.id) so that it can be deleted")
        }
        return try change.revised(warnings: warnings)
    }

    /// A removed manifest: delete (never with deletion protection ACTIVE), retain, or nothing.
    private func removedChange() throws(PlanError) -> ResourceChange {
        let change = try StandardPlan(desired: [:], live: nil).change(for: input)
        guard change.action == .delete, let pool = input.live.value else { return change }
        if pool.deletionProtection == "ACTIVE" {
            return try ResourceChange(
                address: input.address, action: .refuse,
                reason: "user pool \(pool.id) has deletion protection ACTIVE; \(Self.deletionProtectedAdvice)",
                warnings: change.warnings)
        }
        return try change.revised(warnings: change.warnings + [Self.usersWarning(pool, verb: "Deleting")])
    }

    /// "all users will be lost", with the estimated count when AWS reports one.
    static func consequence(_ pool: UserPoolDescription?) -> String {
        guard let count = pool?.estimatedNumberOfUsers else { return "all users will be lost" }
        return "all users will be lost (estimated user count: \(count))"
    }

    /// The warning for a change that deletes the pool.
    static func usersWarning(_ pool: UserPoolDescription, verb: String) -> String {
        let count = pool.estimatedNumberOfUsers.map { "its estimated \($0) users" } ?? "all its users"
        return "\(verb) user pool \(pool.id) deletes \(count) with it; their passwords and MFA enrolments cannot be recovered"
    }

    /// Whether `adopt` (a pool id or ARN) names `pool`.
    static func adopts(_ adopt: String?, _ pool: UserPoolDescription) -> Bool {
        guard let adopt else { return false }
        return poolId(fromIdOrArn: adopt) == pool.id
    }

    /// The pool id of `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`, or the text itself when it is an id.
    static func poolId(fromIdOrArn text: String) -> String {
        guard text.hasPrefix("arn:"), let slash = text.lastIndex(of: "/") else { return text }
        return String(text[text.index(after: slash)...])
    }
}
