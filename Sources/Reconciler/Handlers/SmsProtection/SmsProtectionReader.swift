import AWSServices
import Manifests

/// Finds the protect configurations of one region (see `SmsProtectionHandler.read`). They have no name: the one
/// recorded in status, else the one carrying the address's ownership tags.
struct SmsProtectionReader {
    /// End User Messaging SMS in the region.
    let sms: SMSVoice
    /// The region.
    let region: String
    /// The run's owner: only configurations tagged for it are owned.
    let owner: String?

    /// Reads every target of this region: one DescribeProtectConfigurations (all pages), ListTagsForResource per
    /// candidate (the recorded one; every configuration only when nothing is recorded), then for each found one
    /// GetProtectConfigurationCountryRuleSet per capability its manifest manages and one DescribeConfigurationSets
    /// filtered by `protect-configuration-id`.
    func read(_ targets: [ReadTarget]) async throws -> [ResourceAddress: LiveState<SmsProtectionLive>] {
        let all = try await sms.describeProtectConfigurations()
        var tags: [String: [String: String]] = [:]
        var result: [ResourceAddress: LiveState<SmsProtectionLive>] = [:]
        for target in targets {
            let found = try await find(target, in: all, tags: &tags)
            result[target.address] = try await complete(found, spec: SmsProtectionHandler.spec(target.desired))
        }
        return result
    }

    /// The configuration of `target`, with its tags only.
    private func find(_ target: ReadTarget, in all: [JSONValue],
                      tags: inout [String: [String: String]]) async throws -> LiveState<SmsProtectionLive> {
        let recorded = target.status?.resource["id"]
        let candidates = recorded.map { id in all.filter { $0["ProtectConfigurationId"]?.stringValue == id } }
            ?? (target.desired == nil ? [] : all)
        var marked: [(live: SmsProtectionLive, id: String, tags: [String: String])] = []
        for json in candidates {
            let arn = json["ProtectConfigurationArn"]?.stringValue ?? ""
            let found: [String: String]
            if let cached = tags[arn] { found = cached } else {
                guard let listed = try await sms.listTagsForResource(arn: arn) else { continue }
                tags[arn] = listed
                found = listed
            }
            guard let live = SmsProtectionLive(json, region: region, tags: found) else {
                throw SmsProtectionError.unreadable("DescribeProtectConfigurations")
            }
            if recorded != nil { return .classified(live, tags: found, as: target, owner: owner) }
            if OwnershipTags.marks(found, as: target) { marked.append((live, live.id, found)) }
        }
        return .choosing(marked, as: target, owner: owner)
    }

    /// Adds the country rules of the capabilities `spec` manages and the associated configuration sets.
    private func complete(_ found: LiveState<SmsProtectionLive>,
                          spec: SmsProtectionSpec?) async throws -> LiveState<SmsProtectionLive> {
        guard var live = found.value else { return found }
        for capability in SmsProtectionFields.capabilities where spec?.rules[capability] != nil {
            live.rules[capability] = try await sms.protectCountryRules(id: live.id, capability: capability.rawValue)
        }
        let sets = try await sms.describeConfigurationSets(filters: [
            ["Name": "protect-configuration-id", "Values": .strings([live.id])],
        ])
        live.configurationSets = sets.compactMap { $0["ConfigurationSetName"]?.stringValue }.sorted()
        return found.map { _ in live }
    }
}
