import AWSServices
import Manifests

/// The plan of a role smsauth owns whole, over `StandardPlan`: an adopt naming another role is refused, and a
/// replacement says in which order the two roles exist and lists the tags the old role loses.
struct OwnedRolePlan<Live: OwnedRoleLive> {
    /// The input.
    let input: PlanInput<Live>
    /// The manifest's fields.
    let fields: any OwnedRoleShape
    /// Every desired plan field (`OwnedRoleValues.desired` plus the kind's own).
    let desired: [String: PlanValue]
    /// The same fields read from a live role.
    let live: @Sendable (Live) -> [String: PlanValue]
    /// What replacing the role does to the resources using it ("every user pool using it is updated").
    let replacementConsequence: String
    /// While the old role is deleted before the new one of the same name is created: who cannot use it meanwhile.
    let outage: String

    /// The change.
    func change() throws(PlanError) -> ResourceChange {
        let liveRole = input.live.value
        if case .foreign(let found) = input.live, let adopt = fields.adopt, !fields.adopts(found.role) {
            return try ResourceChange(
                address: input.address, action: .refuse,
                reason: "spec.adopt names '\(adopt)' but the role named \(found.role.name) is \(found.role.arn); set spec.adopt to that name or ARN to manage it",
                dependencies: input.desired?.dependencies ?? [])
        }
        let standard = StandardPlan(
            desired: desired, live: liveRole.map(live), immutable: OwnedRoleValues.immutablePaths,
            replacementConsequence: replacementConsequence,
            adoptsForeign: liveRole.map { fields.adopts($0.role) } ?? false, foundId: liveRole?.role.arn,
            createdWithout: OwnedRoleValues.createdWithout)
        let change = try standard.change(for: input)
        guard change.action == .replace, let liveRole, let reason = change.reason else { return change }
        let order = fields.isNamed(liveRole.role.name)
            ? "the name stays the same, so the old role is deleted before the new one is created: \(outage)"
            : "the new role is created first, and the old one is deleted once everything using it has moved to the new "
                + "one (left in AWS, with a warning, if something could not move)"
        return try change.revised(fieldChanges: Self.withLostTags(change.fieldChanges, live: liveRole.role, tags: fields.tags),
                                  reason: "\(reason); \(order)")
    }

    /// A replacement's field changes with `tags` showing every tag of the old role (but AWS's reserved `aws:` ones)
    /// when it has tags the manifest never set: the new role is created with the manifest's tags only.
    static func withLostTags(_ changes: [FieldChange], live role: IAMRole, tags: [String: String]) -> [FieldChange] {
        let kept = role.tags.filter { !$0.key.hasPrefix("aws:") }
        guard kept.keys.contains(where: { tags[$0] == nil }) else { return changes }
        let change = FieldChange(path: "tags", before: .map(kept.mapValues(PlanValue.string)),
                                 after: .map(tags.mapValues(PlanValue.string)))
        return (changes.filter { $0.path != "tags" } + [change]).sorted { $0.path < $1.path }
    }
}
