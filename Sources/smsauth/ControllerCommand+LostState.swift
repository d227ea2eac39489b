import AWSCore
import Foundation
import Logging
import Manifests
import Reconciler

extension ControllerCommand {
    /// Lost-state recovery when a controller (or a leader's term) starts: when the state holds no status at all
    /// (first use, a lost folder or `state.json`) and the manifest set has an owner, this owner's tagged resources
    /// that no manifest names are found as `reconcile` finds them on a lost state, and recorded in the state, so the
    /// first full sync plans their removal by their kind's default delete policy (after --prune-delay, like every
    /// removal). A manifest folder with errors defers it to the next start: nothing is known to be removed then.
    /// Exits 1 when a kind cannot be listed or the records cannot be written (an unread AWS is not an absence).
    /// `stateMissing`: the state did not exist when this process first looked (an emptied state is not lost: what
    /// it released keeps its tags and must not come back).
    func recoverLostState(store: StatusStore, stateMissing: Bool, aws: AWSContext, identity: RunIdentity,
                          logger: Logger) async throws {
        guard identity.owner != nil, stateMissing else { return }
        let load = ManifestLoader().load(directory: directory)
        guard !load.hasErrors else {
            logger.warning("the state is empty but the manifest folder has errors: lost-state rediscovery skipped")
            return
        }
        let engine = engineArguments.engine(client: aws.client, partitionRegion: aws.defaultRegion, logger: logger,
                                            statusStore: store, identity: identity,
                                            selector: nil, rediscover: true)
        let found: [ResourceStatus]
        do {
            found = try await engine.rediscoveredStatuses(load, defaultRegion: aws.defaultRegion)
            guard !found.isEmpty else { return }
            for status in found { try store.write(status) }
            try await store.persist()
        } catch {
            throw StandardError.failure("lost-state rediscovery: \(error)")
        }
        logger.info("the state is empty: found resources of this owner by their tags that no manifest names; their removal is planned by their kind's default delete policy",
                    metadata: ["resources": "\(found.map { "\($0.kind.rawValue)/\($0.name)" }.joined(separator: ", "))"])
    }
}
