import AWSServices
import Manifests

/// End User Messaging SMS phone numbers and sender IDs (`OriginationIdentity`). Requesting one costs money and
/// releasing one is irreversible: creates are gated by `spec.purchaseApproved` / `--allow-purchase` and carry a
/// ClientToken derived from the manifest; a replacement requests the new identity first and releases the old one
/// only after the new one is ACTIVE.
struct OriginationIdentityHandler: ResourceHandler {
    /// The kind handled.
    let kind = ResourceKind.originationIdentity

    /// The `OriginationIdentity` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> OriginationIdentitySpec? {
        if case .originationIdentity(let identity) = spec { identity } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// Found by ownership tags. Calls per region: one DescribePhoneNumbers (all pages, if any target is or was a
    /// phone number) and one DescribeSenderIds filtered by `sender-id` (if any target is or was a sender ID); then
    /// ListTagsForResource per candidate, at most once per ARN: first the id recorded in status, then the identities
    /// matching the manifest's immutable fields until a tagged one is found. Only when nothing is recorded and no
    /// match is tagged (a first create, or a lost status file) are the other numbers of the region checked, so an
    /// identity whose immutable fields changed is never bought twice. `spec.adopt` reads the named identity directly.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<OriginationIdentityLive>] {
        var result: [ResourceAddress: LiveState<OriginationIdentityLive>] = [:]
        for (region, regionTargets) in try targets.byRegion() {
            var reader = OriginationIdentityReader(sms: context.smsVoice(region), region: region, owner: context.owner)
            result.merge(try await reader.read(regionTargets)) { _, new in new }
            for target in regionTargets {
                guard let association = RegistrationAssociation.of(Self.spec(target.desired), outputs: target.references),
                      let found = result[target.address], var live = found.value else { continue }
                live.registration = try await association.read(numberId: live.identity.id,
                                                               current: live.identity.registrationId,
                                                               sms: context.smsVoice(region))
                result[target.address] = found.map { _ in live }
            }
        }
        return result
    }

    /// `id`, `arn`, `region` and `phoneNumber` or `senderId`; during a replacement whose old identity cannot be
    /// released yet, also `supersedes` (the old ARNs, comma-separated) so the next read finds them again.
    func outputs(of live: OriginationIdentityLive) -> [String: String] {
        Self.outputs(of: live.identity, superseded: live.superseded)
    }

    /// The outputs of one identity and the old ones it replaces.
    static func outputs(of state: OriginationIdentityState, superseded: [OriginationIdentityState] = []) -> [String: String] {
        var values = ["id": state.id, "arn": state.arn, "region": state.region]
        values["phoneNumber"] = state.phoneNumber
        values["senderId"] = state.senderId
        if !superseded.isEmpty { values[supersedesKey] = superseded.map(\.arn).joined(separator: ",") }
        return values
    }

    /// The output (and status) key listing old identities of an unfinished replacement.
    static let supersedesKey = "supersedes"

    /// What a number being provisioned waits for.
    static let provisioningMessage = "number is being provisioned (PENDING)"

    /// Pending while the number is being provisioned, then while the registration `spec.phoneNumber.registration`
    /// names is not COMPLETE (naming its statuses).
    func phase(of live: OriginationIdentityLive) -> LivePhase {
        if live.identity.isPending { return .pending(Self.provisioningMessage) }
        return live.registration?.waiting.map { .pending($0) } ?? .ready
    }
}
