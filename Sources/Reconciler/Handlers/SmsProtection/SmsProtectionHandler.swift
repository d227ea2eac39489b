import AWSServices
import Manifests

/// The SmsProtection kind: an End User Messaging SMS protect configuration, found by the id recorded in status,
/// else by its ownership tags (it has no name). Every field is mutable: country rules, account default,
/// configuration sets, deletion protection and tags are updated in place.
struct SmsProtectionHandler: ResourceHandler {
    /// The kind handled.
    var kind: ResourceKind { .smsProtection }

    /// The `SmsProtection` spec in `spec`.
    static func spec(in spec: ManifestSpec) -> SmsProtectionSpec? {
        if case .smsProtection(let protection) = spec { protection } else { nil }
    }

    /// Creates the handler.
    init() {}

    /// Reads every target, region by region (`SmsProtectionReader`). Calls per region: one
    /// DescribeProtectConfigurations; per resource: one ListTagsForResource (one per configuration of the region
    /// when no id is recorded), one GetProtectConfigurationCountryRuleSet per managed capability and one
    /// DescribeConfigurationSets.
    func read(_ targets: [ReadTarget], context: ReconcileContext) async throws -> [ResourceAddress: LiveState<SmsProtectionLive>] {
        var result: [ResourceAddress: LiveState<SmsProtectionLive>] = [:]
        for (region, regionTargets) in try targets.byRegion() {
            let reader = SmsProtectionReader(sms: context.smsVoice(region), region: region, owner: context.owner)
            result.merge(try await reader.read(regionTargets)) { _, new in new }
        }
        return result
    }

    /// `id`, `arn`, `region`.
    func outputs(of live: SmsProtectionLive) -> [String: String] {
        ["id": live.id, "arn": live.arn, "region": live.region]
    }

    /// Never: a protect configuration has no name, so one found for another address is not this manifest's.
    func claims(_ desired: DesiredResource, live: SmsProtectionLive,
                references: [ResourceAddress: [String: String]]) -> Bool {
        false
    }

    /// `SmsProtectionFields` through `StandardPlan`. A removed manifest is retained or deleted per policy; a delete
    /// is refused while deletion protection is on.
    func plan(_ input: PlanInput<SmsProtectionLive>) throws(PlanError) -> ResourceChange {
        guard let spec = Self.spec(input.desired) else { return try removedChange(input) }
        let live = input.live.value
        let names = Self.setNames(spec) { input.references[$0]?["name"] }
        let fields = SmsProtectionFields.desired(spec, live: live, setNames: names)
        return try StandardPlan(desired: fields, live: live.map { SmsProtectionFields.live($0, desired: fields) },
                                foundId: live?.id).change(for: input)
    }

    /// The manifest is gone: retain, or delete (refused while deletion protection is on).
    private func removedChange(_ input: PlanInput<SmsProtectionLive>) throws(PlanError) -> ResourceChange {
        guard case .owned(let live) = input.live else { return try ResourceChange(address: input.address, action: .noop) }
        guard input.deletePolicy == .delete else { return try ResourceChange(address: input.address, action: .retain) }
        if live.deletionProtection {
            return try ResourceChange(address: input.address, action: .refuse, reason: "deletion protection is on for protect configuration \(live.id), so it cannot be deleted: turn it off (restore the manifest with spec.deletionProtection: false and apply) before removing the manifest")
        }
        var warnings: [String] = []
        if live.accountDefault { warnings.append("unsets protect configuration \(live.id) as the account default first: the region's messages are then sent without one") }
        if !live.configurationSets.isEmpty { warnings.append("disassociates it from \(live.configurationSets.joined(separator: ", ")) first") }
        return try ResourceChange(address: input.address, action: .delete, warnings: warnings)
    }

    /// The AWS names of `spec.configurationSets`, from each ConfigurationSet's `name` output (known after apply
    /// when `outputs` has none).
    static func setNames(_ spec: SmsProtectionSpec, outputs: (ResourceAddress) -> String?) -> [String] {
        (spec.configurationSets?.value ?? []).map {
            outputs(ResourceAddress(kind: .configurationSet, name: $0.value)) ?? UserPoolSmsSettings.knownAfterApply
        }
    }
}
