import AWSCore
import AWSServices
import Manifests

extension PhonePoolHandler {
    /// Creates, updates, retags (the ownership tags alone), replaces or deletes the pool. Identity ids come from the references store, so an identity
    /// applied earlier in this run is used with its new id.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<PhonePoolLive>,
               context: ApplyContext) async throws -> [String: String] {
        let live = input.live.value
        let region = input.region(live: live?.region)
        let sms = context.reconcile.smsVoice(region)
        switch action {
        case .create:
            return outputs(of: try await create(try Self.writtenSpec(input), input: input, region: region, sms: sms, context: context))
        case .update, .rename:
            guard let live else { return [:] }
            try await update(live, spec: try Self.writtenSpec(input), input: input, region: region, sms: sms, context: context)
            return outputs(of: live)
        case .retag:
            guard let live else { return [:] }
            try await SMSVoiceTagSync.retag(sms, arn: live.arn, live: live.tags, as: input.address, owner: input.options.owner)
            return outputs(of: live)
        case .replace:
            guard let live else { return [:] }
            _ = try await sms.deletePool(id: live.id)
            return outputs(of: try await create(try Self.writtenSpec(input), input: input, region: region, sms: sms, context: context))
        case .delete:
            if let live { _ = try await sms.deletePool(id: live.id) }
            return [:]
        }
    }

    /// CreatePool from the first identity (ClientToken from region, name, country, message type and that identity),
    /// UpdatePool for settings the pool did not inherit as wanted, then the other identities associated.
    private func create(_ spec: PhonePoolSpec, input: PlanInput<PhonePoolLive>, region: String, sms: SMSVoice,
                        context: ApplyContext) async throws -> PhonePoolLive {
        let ids = try await memberIds(spec, pool: input.address, context: context)
        guard let first = ids.first else { throw OriginationIdentityError.memberUnknown(pool: input.address.description, identity: "") }
        let tags = SMSVoiceTagSync.creationTags(spec.tags?.value, for: input.address,
                                                owner: input.options.owner)
        var body: [String: JSONValue] = [
            "OriginationIdentity": .string(first), "IsoCountryCode": .string(spec.isoCountryCode.value),
            "MessageType": .string(spec.messageType.value.rawValue), "Tags": SMSVoice.tagList(tags),
            "ClientToken": .string(ClientToken.derive([region, ResourceKind.phonePool.rawValue, input.address.name,
                                                       spec.isoCountryCode.value, spec.messageType.value.rawValue, first])),
        ]
        body["DeletionProtectionEnabled"] = spec.deletionProtection.map { .bool($0.value) }
        let result = try await sms.createPool(.object(body))
        guard let pool = PhonePoolLive(result, region: region, tags: tags, members: []) else {
            throw OriginationIdentityError.unreadable("CreatePool")
        }
        let settings = PhonePoolFields.updates(spec, pool: pool)
        if !settings.isEmpty { _ = try await sms.updatePool(.object(settings.merging(["PoolId": .string(pool.id)]) { $1 })) }
        try await associate(Array(ids.dropFirst()), poolId: pool.id, region: region, sms: sms)
        return pool
    }

    /// UpdatePool for the settings that differ, associations, then disassociations (so the pool never empties),
    /// then tags.
    private func update(_ live: PhonePoolLive, spec: PhonePoolSpec, input: PlanInput<PhonePoolLive>, region: String,
                        sms: SMSVoice, context: ApplyContext) async throws {
        let settings = PhonePoolFields.updates(spec, pool: live)
        if !settings.isEmpty { _ = try await sms.updatePool(.object(settings.merging(["PoolId": .string(live.id)]) { $1 })) }
        var references: [ResourceAddress: [String: String]] = [:]
        for name in spec.originationIdentities.value.map(\.value) {
            let address = ResourceAddress(kind: .originationIdentity, name: name)
            references[address] = await context.references.outputs(of: address) ?? input.references[address]
        }
        let membership = PoolMembership(spec: spec, members: live.members, references: references)
        var added: [String] = []
        for (name, id) in membership.associate {
            guard let id else { throw OriginationIdentityError.memberUnknown(pool: input.address.description, identity: name) }
            added.append(id)
        }
        try await associate(added, poolId: live.id, region: region, sms: sms)
        for (_, member) in membership.disassociate {
            _ = try await sms.disassociateOriginationIdentity(["PoolId": .string(live.id), "OriginationIdentity": .string(member.arn)])
        }
        try await SMSVoiceTagSync.sync(sms, arn: live.arn, live: live.tags, manifestTags: spec.tags?.value, for: input.address,
                                       owner: input.options.owner)
    }

    /// AssociateOriginationIdentity with a ClientToken per pool and identity, then one ListPoolOriginationIdentities
    /// to confirm: a token AWS still remembers from an earlier association (before a disassociation) answers with
    /// the old result and associates nothing, so a missing identity is associated again without a token.
    private func associate(_ ids: [String], poolId: String, region: String, sms: SMSVoice) async throws {
        guard !ids.isEmpty else { return }
        var conflicts: [String: AWSError] = [:]
        for id in ids {
            let token = ClientToken.derive([region, "AssociateOriginationIdentity", poolId, id])
            do {
                _ = try await sms.associateOriginationIdentity(["PoolId": .string(poolId), "OriginationIdentity": .string(id),
                                                                "ClientToken": .string(token)])
            } catch let error as AWSError where error.code == "ConflictException" {
                conflicts[id] = error
            }
        }
        let members = try await sms.listPoolOriginationIdentities(poolId: poolId).compactMap(PoolMember.init)
        for id in ids where !members.contains(where: { $0.isIdentified(by: id) }) {
            if let conflict = conflicts[id] { throw conflict }
            _ = try await sms.associateOriginationIdentity(["PoolId": .string(poolId), "OriginationIdentity": .string(id)])
        }
    }

    /// The `id` outputs of the manifest's identities, in manifest order; each must be known.
    private func memberIds(_ spec: PhonePoolSpec, pool: ResourceAddress, context: ApplyContext) async throws -> [String] {
        var ids: [String] = []
        for name in spec.originationIdentities.value.map(\.value) {
            guard let id = await context.references.outputs(of: ResourceAddress(kind: .originationIdentity, name: name))?["id"] else {
                throw OriginationIdentityError.memberUnknown(pool: pool.description, identity: name)
            }
            ids.append(id)
        }
        return ids
    }
}
