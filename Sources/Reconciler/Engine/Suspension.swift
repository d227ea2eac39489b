import Manifests

/// Whether, and why, a resource is suspended: left alone (nothing created, updated, corrected or deleted) until the
/// switch is removed. Flux's `spec.suspend` and Crossplane's `crossplane.io/paused`, for smsauth.
enum Suspension {
    /// The reason `target` is suspended, or nil when it is not: its manifest's `policy.suspend: true`; the settings
    /// document's `spec.suspend: true` (`suspendAll`), which also covers resources whose manifest was removed; or a
    /// removed manifest whose status records `Suspended` (removing a suspended resource's manifest deletes nothing).
    static func of(_ target: ReadTarget, suspendAll: Bool) -> String? {
        if let desired = target.desired {
            if desired.manifest.isSuspended {
                return "suspended (policy.suspend: true); nothing is created, updated or corrected until it is removed"
            }
            return suspendAll ? settingsReason : nil
        }
        if suspendAll { return settingsReason + "; its manifest was removed, nothing is deleted or released" }
        guard target.status?.phase == .suspended else { return nil }
        return "suspended when its manifest was removed: nothing is deleted or released. Add the manifest back "
            + "without policy.suspend to manage it again, with policy.onDelete deciding what its removal does"
    }

    private static let settingsReason = "suspended (spec.suspend: true in smsauth.yaml); nothing is created, "
        + "updated, corrected or deleted until it is removed"
}
