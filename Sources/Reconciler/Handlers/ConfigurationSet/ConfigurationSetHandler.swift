import AWSServices
import Manifests

/// The ConfigurationSet kind: an End User Messaging SMS configuration set, found by its name in its region and
/// owned through smsauth's ownership tags. smsauth owns the whole set: its default message type and sender ID and
/// its event destinations are what the manifest says (a default or destination it leaves out is removed); `name`
/// is immutable (a change is refused, or replaces the set with `policy.onImmutableChange: Recreate`).
struct ConfigurationSetHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .configurationSet }

    /// The `ConfigurationSet` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> ConfigurationSetSpec? {
        if case .configurationSet(let set) = spec { set } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// Reads every target. Calls per resource: one DescribeConfigurationSets of the name recorded in status, else
    /// the manifest's, and one ListTagsForResource when it exists. Only when the recorded set is gone or not ours
    /// and the manifest names another is that name read too (one more DescribeConfigurationSets, and its tags).
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<ConfigurationSetLive>] {
        let owner = context.owner
        let states = try await targets.concurrentMap(limit: context.readConcurrency) { target in
            let region = try target.readRegion()
            let sms = context.smsVoice(region)
            let wanted = Self.spec(target.desired)?.name.value
            let recorded = target.status?.resource["name"]
            let names = [recorded, wanted == recorded ? nil : wanted].compactMap { $0 }
            var found: LiveState<ConfigurationSetLive> = .absent
            for name in names {
                found = try await Self.read(name, sms: sms, region: region, as: target, owner: owner)
                if case .owned = found { break }
            }
            return (target.address, found)
        }
        return Dictionary(states) { first, _ in first }
    }

    /// The set named `name` with its tags, classified by them as `target`'s; absent when it does not exist.
    static func read(_ name: String, sms: SMSVoice, region: String, as target: ReadTarget,
                     owner: String?) async throws -> LiveState<ConfigurationSetLive> {
        guard let json = try await sms.describeConfigurationSet(name: name),
              let arn = json["ConfigurationSetArn"]?.stringValue else { return .absent }
        guard let tags = try await sms.listTagsForResource(arn: arn) else { return .absent }
        guard let live = ConfigurationSetLive(json, region: region, tags: tags) else {
            throw ConfigurationSetError.unreadable("DescribeConfigurationSets")
        }
        return .classified(live, tags: tags, as: target, owner: owner)
    }

    /// `name`, `arn`, `region`.
    func outputs(of live: ConfigurationSetLive) -> [String: String] {
        ["name": live.name, "arn": live.arn, "region": live.region]
    }

    /// The name, region and ARN (`arn:<partition>:sms-voice:<region>:<account>:configuration-set/<name>`) the set
    /// will have, so a pool naming it plans before it exists.
    func plannedOutputs(of desired: DesiredResource, account: String, partition: String) -> [String: String] {
        guard let spec = Self.spec(desired), let region = desired.region else { return [:] }
        return ["name": spec.name.value, "region": region,
                "arn": "arn:\(partition):sms-voice:\(region):\(account):configuration-set/\(spec.name.value)"]
    }

    /// `ConfigurationSetFields` through `StandardPlan`: an event destination added, changed or removed, a default or
    /// the tags are an in-place update; a new name a replacement (or a refusal). A set of the name without
    /// smsauth's tags is refused with `nameTaken` (the kind has no `spec.adopt`).
    func plan(_ input: PlanInput<ConfigurationSetLive>) throws(PlanError) -> ResourceChange {
        guard let desired = input.desired, let spec = Self.spec(desired) else {
            return try StandardPlan(desired: [:], live: nil).change(for: input)
        }
        let live = input.live.value
        let change = try StandardPlan(
            desired: ConfigurationSetFields.desired(spec, live: live), live: live.map(ConfigurationSetFields.live),
            immutable: ConfigurationSetFields.immutablePaths,
            replacementConsequence: "the set and its event destinations are deleted and created again; pools naming it send with the new one",
            foundId: live?.arn).change(for: input)
        guard input.live.isForeign, change.action == .refuse else { return change }
        return try change.revised(reason: ConfigurationSetError.nameTaken(name: spec.name.value, address: input.address).description)
    }

    /// Same name in the same region (names are unique per region).
    func claims(_ desired: DesiredResource, live: ConfigurationSetLive,
                       references: [ResourceAddress: [String: String]]) -> Bool {
        guard let spec = Self.spec(desired) else { return false }
        return live.name == spec.name.value && live.region == desired.region
    }
}
