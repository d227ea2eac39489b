import Manifests

/// The manifest ↔ AWS mapping of an `SmsProtection`, by plan path. Country rules: before the configuration
/// exists, `sms` (…) is the compact rule as written; afterwards only the countries whose live status differs from
/// the manifest's are fields (`sms.FR`), so AWS's rule for every country is no drift. Then `accountDefault`,
/// `configurationSets` (AWS names, sorted), `deletionProtection` and the user `tags`. Pure.
enum SmsProtectionFields {
    /// Capabilities a manifest can manage, in plan order.
    static let capabilities: [NumberCapability] = [.sms, .voice, .mms]

    /// The manifest's fields; `setNames` are the AWS names of its `configurationSets` (known after apply when not
    /// known yet). Rules that cannot be built (validation reports why) are left out.
    static func desired(_ spec: SmsProtectionSpec, live: SmsProtectionLive?, setNames: [String]) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "accountDefault": .bool(spec.accountDefault?.value ?? false),
            "configurationSets": .list(setNames.sorted().map { .string($0) }),
            "deletionProtection": .bool(spec.deletionProtection?.value ?? false),
        ]
        for capability in capabilities {
            guard let rules = rules(spec, capability) else { continue }
            let path = capability.rawValue.lowercased()
            guard let live, let current = live.rules[capability] else {
                fields[path] = .string(summary(rules))
                continue
            }
            for (country, status) in rules.updates(from: current) { fields["\(path).\(country)"] = .string(status.rawValue) }
            for country in rules.countriesMissing(from: current) {
                fields["\(path).\(country)"] = .string(rules.status(of: country).rawValue)
            }
        }
        fields["tags"] = spec.tags.map { .map($0.value.mapValues { .string($0) }) }
        return fields
    }

    /// The same paths read from `live`: the status of each country `desired` has a field for.
    static func live(_ live: SmsProtectionLive, desired: [String: PlanValue]) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "accountDefault": .bool(live.accountDefault),
            "configurationSets": .list(live.configurationSets.map { .string($0) }),
            "deletionProtection": .bool(live.deletionProtection),
            "tags": .map(OriginationIdentityFields.userTags(live.tags).mapValues { .string($0) }),
        ]
        for capability in capabilities {
            let path = capability.rawValue.lowercased()
            for key in desired.keys where key.hasPrefix(path + ".") {
                let country = String(key.dropFirst(path.count + 1))
                fields[key] = live.rules[capability]?[country].map { .string($0) } ?? .null
            }
        }
        return fields
    }

    /// The rules of `capability` in `spec`, nil when not managed or unusable.
    static func rules(_ spec: SmsProtectionSpec, _ capability: NumberCapability) -> CountryRules? {
        guard let lists = spec.rules[capability], case .success(let rules) = lists.rules(for: capability) else { return nil }
        return rules
    }

    /// `allow US, CA; block every other country` (named countries sorted, grouped by status).
    static func summary(_ rules: CountryRules) -> String {
        let grouped = Dictionary(grouping: rules.named.keys.sorted()) { rules.named[$0] ?? rules.others }
        let parts = [ProtectStatus.allow, .block, .monitor, .filter].compactMap { status in
            grouped[status].map { "\(status.rawValue.lowercased()) \($0.joined(separator: ", "))" }
        }
        return (parts + ["\(rules.others.rawValue.lowercased()) every other country"]).joined(separator: "; ")
    }
}
