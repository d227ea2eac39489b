import Manifests

/// Drift that `policy.onDrift: Report` only reports, and what it holds back. Pure.
enum ReportedDrift {
    /// The reason of a change whose drift is only reported (`RunPlanner.isReportOnlyDrift`); a rename of such a
    /// resource keeps it.
    static let reason = "changed out of band; not corrected (policy.onDrift: Report)"

    /// `change`, blocked when it writes (creates, updates, replaces, or renames with field changes) a resource that
    /// depends on one whose drift is only reported (`reason`) while that drift changed outputs it was
    /// planned with (`assumed`, the manifest's, against `live`): a pool's SMS configuration would be written with the
    /// role's manifest external id, which the role's trust policy no longer has (Cognito refuses it), or with the
    /// drifted one, which the plan does not show. It waits until the drift is corrected or the manifest follows it.
    static func holding(_ change: ResourceChange, planned: [ResourceAddress: ResourceChange],
                        live: [ResourceAddress: [String: String]],
                        assumed: [ResourceAddress: [String: String]]) throws(PlanError) -> ResourceChange {
        guard [.create, .update, .replace].contains(change.action)
                || (change.action == .rename && WriteAction(change) != .retag) else { return change }
        for dependency in change.dependencies {
            guard let dependencyChange = planned[dependency], dependencyChange.reason == reason,
                  let found = live[dependency], let wanted = assumed[dependency] else { continue }
            // An output the live resource no longer gives differs too: an SMS role whose trust policy now names
            // several external ids gives none, and whether the manifest's is among them is not known.
            let drifted = wanted.filter { found[$0.key] != $0.value }.keys.sorted()
            guard !drifted.isEmpty else { continue }
            return try change.revised(
                action: .blocked,
                reason: "waiting for \(dependency): its \(drifted.joined(separator: ", ")) changed out of band and "
                    + "policy.onDrift: Report leaves it so, while this change would be written with its manifest's "
                    + "value; correct \(dependency) (policy.onDrift: Correct) or make its manifest say what AWS has")
        }
        return change
    }
}
