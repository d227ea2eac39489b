import AWSServices
import Manifests

/// End User Messaging SMS pools (`PhonePool`): created from their first origination identity, the others
/// associated; settings through UpdatePool; members the manifest drops are disassociated.
struct PhonePoolHandler: ResourceHandler {
    /// The kind handled.
    let kind = ResourceKind.phonePool

    /// The `PhonePool` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> PhonePoolSpec? {
        if case .phonePool(let pool) = spec { pool } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// Found by ownership tags. Calls per region: one DescribePools (all pages); ListTagsForResource per candidate,
    /// at most once per pool (the pool recorded in status first, then pools of the manifest's message type until a
    /// tagged one is found, the others only when nothing is recorded); then one ListPoolOriginationIdentities per
    /// pool found. `spec.adopt` reads the named pool directly.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<PhonePoolLive>] {
        var result: [ResourceAddress: LiveState<PhonePoolLive>] = [:]
        for (region, regionTargets) in try targets.byRegion() {
            let reader = PhonePoolReader(sms: context.smsVoice(region), region: region, owner: context.owner)
            result.merge(try await reader.read(regionTargets)) { _, new in new }
        }
        return result
    }

    /// `id`, `arn`, `region`.
    func outputs(of live: PhonePoolLive) -> [String: String] {
        ["id": live.id, "arn": live.arn, "region": live.region]
    }
}
