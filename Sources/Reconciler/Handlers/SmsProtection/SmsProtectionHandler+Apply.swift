import AWSCore
import AWSServices
import Manifests

extension SmsProtectionHandler {
    /// Creates (CreateProtectConfiguration with tags and a ClientToken, then the rules and attachments), updates
    /// (only the calls whose field differs), retags (the ownership tags alone) or deletes (the account default unset first while it is still this
    /// configuration, `unsetAccountDefault`, and the configuration sets disassociated, as AWS requires). Nothing is
    /// immutable, so there is no replace or rename of its own.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<SmsProtectionLive>,
               context: ApplyContext) async throws -> [String: String] {
        let live = input.live.value
        let region = input.region(live: live?.region)
        let sms = context.reconcile.smsVoice(region)
        switch action {
        case .create:
            return outputs(of: try await create(try Self.writtenSpec(input), input: input, region: region, sms: sms,
                                                context: context))
        case .update, .rename, .replace:
            guard let live else { throw SmsProtectionError.notRead(input.address) }
            let spec = try Self.writtenSpec(input)
            try await converge(live, to: spec, sets: try await setNames(spec, input: input, context: context), sms: sms)
            try await SMSVoiceTagSync.sync(sms, arn: live.arn, live: live.tags, manifestTags: spec.tags?.value,
                                           for: input.address, owner: input.options.owner)
            return outputs(of: live)
        case .retag:
            guard let live else { throw SmsProtectionError.notRead(input.address) }
            try await SMSVoiceTagSync.retag(sms, arn: live.arn, live: live.tags, as: input.address, owner: input.options.owner)
            return outputs(of: live)
        case .delete:
            guard let live else { return [:] }
            if live.accountDefault { try await Self.unsetAccountDefault(live.id, sms: sms) }
            for set in live.configurationSets { try await sms.disassociateProtectConfiguration(id: live.id, configurationSet: set) }
            try await sms.deleteProtectConfiguration(id: live.id)
            return [:]
        }
    }

    /// DeleteAccountDefaultProtectConfiguration, which names no configuration, only while `id` is still the account
    /// default (DescribeProtectConfigurations first): another configuration of the same run (a new one with
    /// `accountDefault: true`, applied earlier) may have taken the default since the plan read it, and would lose it.
    static func unsetAccountDefault(_ id: String, sms: SMSVoice) async throws {
        guard try await sms.describeProtectConfiguration(id: id)?["AccountDefault"]?.boolValue == true else { return }
        try await sms.deleteAccountDefaultProtectConfiguration()
    }

    /// CreateProtectConfiguration (ClientToken from region, kind, owner and address), then the manifest's rules
    /// and attachments against the rule set AWS gives a new configuration.
    private func create(_ spec: SmsProtectionSpec, input: PlanInput<SmsProtectionLive>, region: String,
                        sms: SMSVoice, context: ApplyContext) async throws -> SmsProtectionLive {
        let tags = SMSVoiceTagSync.creationTags(spec.tags?.value, for: input.address, owner: input.options.owner)
        let token = ClientToken.derive([region, ResourceKind.smsProtection.rawValue, input.options.owner ?? "",
                                        input.address.name])
        let created = try await sms.createProtectConfiguration(
            clientToken: token, deletionProtection: spec.deletionProtection?.value ?? false, tags: tags)
        guard var live = SmsProtectionLive(created, region: region, tags: tags) else {
            throw SmsProtectionError.unreadable("CreateProtectConfiguration")
        }
        live.deletionProtection = spec.deletionProtection?.value ?? false
        for capability in SmsProtectionFields.capabilities where spec.rules[capability] != nil {
            live.rules[capability] = try await sms.protectCountryRules(id: live.id, capability: capability.rawValue)
        }
        try await converge(live, to: spec, sets: try await setNames(spec, input: input, context: context), sms: sms)
        return live
    }

    /// The calls that bring `live` to `spec`: UpdateProtectConfiguration when deletion protection differs,
    /// UpdateProtectConfigurationCountryRuleSet with only the countries that differ (at most 300 a call),
    /// Set/DeleteAccountDefaultProtectConfiguration, Disassociate then AssociateProtectConfiguration.
    private func converge(_ live: SmsProtectionLive, to spec: SmsProtectionSpec, sets: [String],
                          sms: SMSVoice) async throws {
        let protection = spec.deletionProtection?.value ?? false
        if protection != live.deletionProtection {
            try await sms.updateProtectConfiguration(id: live.id, deletionProtection: protection)
        }
        for capability in SmsProtectionFields.capabilities {
            guard let rules = SmsProtectionFields.rules(spec, capability), let current = live.rules[capability] else { continue }
            let updates = rules.updates(from: current).sorted { $0.key < $1.key }
            for start in stride(from: 0, to: updates.count, by: 300) {
                let chunk = updates[start..<min(start + 300, updates.count)]
                _ = try await sms.updateProtectCountryRules(
                    id: live.id, capability: capability.rawValue,
                    updates: Dictionary(uniqueKeysWithValues: chunk.map { ($0.key, $0.value.rawValue) }))
            }
        }
        let isDefault = spec.accountDefault?.value ?? false
        if isDefault && !live.accountDefault { try await sms.setAccountDefaultProtectConfiguration(id: live.id) }
        if !isDefault && live.accountDefault { try await Self.unsetAccountDefault(live.id, sms: sms) }
        for set in live.configurationSets where !sets.contains(set) {
            try await sms.disassociateProtectConfiguration(id: live.id, configurationSet: set)
        }
        for set in sets where !live.configurationSets.contains(set) {
            try await sms.associateProtectConfiguration(id: live.id, configurationSet: set)
        }
    }

    /// The AWS names of `spec.configurationSets` as applied earlier in this run, else as planned.
    private func setNames(_ spec: SmsProtectionSpec, input: PlanInput<SmsProtectionLive>,
                          context: ApplyContext) async throws -> [String] {
        var names: [String] = []
        for set in spec.configurationSets?.value ?? [] {
            let address = ResourceAddress(kind: .configurationSet, name: set.value)
            guard let name = await context.references.outputs(of: address)?["name"] ?? input.references[address]?["name"]
            else { throw SmsProtectionError.configurationSetUnknown(set.value, address: input.address) }
            names.append(name)
        }
        return names
    }
}
