import Manifests

/// Which removed resources (a status file without a manifest) are the AWS resource of a current manifest: pure,
/// from what one read pass observed.
///
/// A manifest claims a removed resource when its handler says the manifest describes the live resource found for
/// the removed one (`ResourceHandler.claims`: same pool and client name, same role name, …) and the manifest's own
/// read found nothing, something foreign, or that same resource. A claimed resource is never deleted:
/// - **renamed**: the claim is one-to-one and the manifest has no status file yet, or one that records no resource
///   (its create was blocked or refused: `RunPlanner.holdingCreate` blocks it while the removal is not reconciled). The manifest is planned against
///   the removed resource's live state and status, and its status file moves (Terraform's `moved` blocks).
/// - **released**: any other claim (both names have status files, several manifests claim it, or a manifest of
///   another kind claims it, as an SmsLogRole naming a removed SmsRole's role), or a resource whose tags already name
///   the claiming manifest, found as its own (a rename stopped between its tag write and its status move): the status
///   file goes, AWS is left alone, and the plan warns.
struct RenameResolver: Sendable {
    /// The handlers.
    let registry: HandlerRegistry

    /// The outcome: renames and claims.
    struct Resolution: Equatable, Sendable {
        /// Previous address by new address.
        var renamed: [ResourceAddress: ResourceAddress] = [:]
        /// For each removed resource that is claimed but not renamed, the manifests claiming it (sorted).
        var claimed: [ResourceAddress: [ResourceAddress]] = [:]
        /// For each removed resource that only held manifests claim (`holding`), those manifests: it is neither
        /// renamed nor acted on until their removal is confirmed.
        var held: [ResourceAddress: [ResourceAddress]] = [:]
    }

    /// Pairs removed targets with the manifests that claim their live resource; the manifests of `holding` (kept
    /// only until their removal is confirmed) pair with nothing, but a removed resource only they claim is held.
    func resolve(targets: [ResourceAddress: ReadTarget], observations: RunPlanner.Observations,
                 references: [ResourceAddress: [String: String]],
                 holding: Set<ResourceAddress> = []) -> Resolution {
        let manifests = targets.values.filter { $0.desired != nil }
        var claimants: [ResourceAddress: [ResourceAddress]] = [:]
        var held: [ResourceAddress: [ResourceAddress]] = [:]
        var alreadyMoved: Set<ResourceAddress> = []
        for removed in targets.values where removed.desired == nil {
            guard case .success(let found)? = observations[removed.address],
                  found.presence == .owned || found.presence == .foreign,
                  let handler = registry.handler(for: removed.address.kind) else { continue }
            let claimingAll = manifests.filter { manifest in
                guard let desired = manifest.desired, case .success(let own)? = observations[manifest.address] else {
                    return false
                }
                let ownIsOther = manifest.address.kind == removed.address.kind && own.presence == .owned
                    && !own.isSameResource(as: found)
                // Not ours under the removed name: only when its tags already name this manifest (a rename stopped
                // after its tag write and before its status move), found as this manifest's own.
                let ownIsIt = own.presence == .owned && own.isSameResource(as: found)
                guard found.presence == .owned || ownIsIt else { return false }
                return !ownIsOther && handler.claims(desired, observation: found, references: references)
            }.map(\.address).sorted()
            let (holders, claiming) = (claimingAll.filter(holding.contains), claimingAll.filter { !holding.contains($0) })
            if claiming.isEmpty, !holders.isEmpty { held[removed.address] = holders }
            if !claiming.isEmpty { claimants[removed.address] = claiming }
            if found.presence == .foreign, !claiming.isEmpty { alreadyMoved.insert(removed.address) }
        }
        var resolution = Resolution(held: held)
        let claimCounts = claimants.values.flatMap { $0 }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        for (removed, claiming) in claimants {
            if !alreadyMoved.contains(removed), claiming.count == 1, let manifest = claiming.first,
               manifest.kind == removed.kind, claimCounts[manifest] == 1,
               ResourceStatus.recordsNoResource(targets[manifest]?.status) {
                resolution.renamed[manifest] = removed
            } else {
                resolution.claimed[removed] = claiming
            }
        }
        return resolution
    }
}
