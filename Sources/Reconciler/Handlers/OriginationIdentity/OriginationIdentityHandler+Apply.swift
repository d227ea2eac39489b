import AWSServices
import Manifests

extension OriginationIdentityHandler {
    /// Requests, updates, retags (the ownership tags alone), replaces or releases the identity; a new number that is still PENDING is marked pending in
    /// the reference store, so the resources that depend on it in this run are blocked. A replacement requests the new identity first and
    /// releases the old ones only once the new one is ACTIVE (and they are in no pool); until then the old one stays
    /// in service and its outputs are returned.
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<OriginationIdentityLive>,
               context: ApplyContext) async throws -> [String: String] {
        let live = input.live.value
        let region = input.region(live: live?.identity.region)
        let sms = context.reconcile.smsVoice(region)
        switch action {
        case .create:
            let spec = try Self.writtenSpec(input)
            let created = try await request(spec, input: input, region: region, sms: sms,
                                            registration: await linkedRegistrationId(spec, context: context))
            if created.isPending {
                await context.references.markPending(input.address, message: Self.provisioningMessage)
            }
            try await associate(created, with: nil, spec: spec, context: context, sms: sms)
            return Self.outputs(of: created)
        case .update, .rename:
            guard let live else { return [:] }
            if action == .rename { try await retag(live, input: input, sms: sms) }
            let spec = try Self.writtenSpec(input)
            try await update(live.identity, spec: spec, address: input.address, owner: input.options.owner, sms: sms)
            try await associate(live.identity, with: live.registration, spec: spec, context: context, sms: sms)
            return outputs(of: live)
        case .retag:
            guard let live else { return [:] }
            try await retag(live, input: input, sms: sms)
            return outputs(of: live)
        case .replace:
            guard let live else { return [:] }
            // Renamed in the same run: the old identities take the new name first, or the next run would not find
            // them its own (the one kept in service, and those still to release).
            if change.previousAddress != nil { try await retag(live, input: input, sms: sms) }
            return try await replace(live, spec: try Self.writtenSpec(input), input: input, region: region, sms: sms)
        case .delete:
            for state in [live?.identity].compactMap({ $0 }) + (live?.superseded ?? []) {
                try await release(state, sms: sms)
            }
            return [:]
        }
    }

    /// The ownership tags of the new name on the current identity, then on those a replacement still has to release
    /// (`superseded`): a rename takes them all along, else the next run would not find them its own (and never
    /// release them). The current one first: should a later call fail, the next run still finds it by its tags
    /// rather than taking a superseded one for it.
    private func retag(_ live: OriginationIdentityLive, input: PlanInput<OriginationIdentityLive>,
                       sms: SMSVoice) async throws {
        for state in [live.identity] + live.superseded {
            try await SMSVoiceTagSync.retag(sms, arn: state.arn, live: state.tags, as: input.address,
                                            owner: input.options.owner)
        }
    }

    /// The new identity first; the old ones are released once it is ACTIVE.
    private func replace(_ live: OriginationIdentityLive, spec: OriginationIdentitySpec, input: PlanInput<OriginationIdentityLive>,
                         region: String, sms: SMSVoice) async throws -> [String: String] {
        var olds = live.superseded
        let current: OriginationIdentityState
        if OriginationIdentityFields.matchesImmutable(live.identity, spec) {
            current = live.identity
            try await update(current, spec: spec, address: input.address, owner: input.options.owner, sms: sms)
        } else {
            olds.insert(live.identity, at: 0)
            current = try await request(spec, input: input, region: region, sms: sms)
        }
        if current.isPending, let inService = olds.first {
            return Self.outputs(of: inService)
        }
        var kept: [OriginationIdentityState] = []
        for old in olds {
            if old.poolId == nil && !old.deletionProtection {
                try await release(old, sms: sms)
            } else {
                kept.append(old)
            }
        }
        return Self.outputs(of: current, superseded: kept)
    }

    /// The id of the Registration `spec.phoneNumber.registration` names, as applied earlier in this run; nil when
    /// the manifest names none or it does not exist yet.
    private func linkedRegistrationId(_ spec: OriginationIdentitySpec, context: ApplyContext) async -> String? {
        guard let name = spec.phoneNumber?.registration?.value else { return nil }
        return await context.references.outputs(of: ResourceAddress(kind: .registration, name: name))?["id"]
    }

    /// RequestPhoneNumber or RequestSenderId with the derived ClientToken, tags and the settings the request takes
    /// (a number's RegistrationId: `registrationId`, else the id of the Registration `registration` names, given as
    /// `registration`); then UpdatePhoneNumber for two-way and self-managed opt-outs if they differ from what AWS set.
    private func request(_ spec: OriginationIdentitySpec, input: PlanInput<OriginationIdentityLive>, region: String,
                         sms: SMSVoice, registration: String? = nil) async throws -> OriginationIdentityState {
        let tags = SMSVoiceTagSync.creationTags(spec.tags?.value, for: input.address,
                                                owner: input.options.owner)
        var body: [String: JSONValue] = [
            "Tags": SMSVoice.tagList(tags),
            "ClientToken": .string(OriginationIdentityFields.clientToken(region: region, name: input.address.name, spec: spec)),
        ]
        body["DeletionProtectionEnabled"] = spec.deletionProtection.map { .bool($0.value) }
        if let sender = spec.senderId {
            body["SenderId"] = .string(sender.senderId.value)
            body["IsoCountryCode"] = .string(sender.isoCountryCode.value)
            body["MessageTypes"] = sender.messageTypes.map { .strings(OriginationIdentityFields.messageTypes($0.value)) }
            let result = try await sms.requestSenderId(.object(body))
            guard let state = OriginationIdentityState(senderId: result, region: region, tags: tags) else {
                throw OriginationIdentityError.unreadable("RequestSenderId")
            }
            return state
        }
        guard let number = spec.phoneNumber else { throw OriginationIdentityError.nothingRequested(input.address.description) }
        body["IsoCountryCode"] = .string(number.isoCountryCode.value)
        body["NumberType"] = .string(number.numberType.value.rawValue)
        body["MessageType"] = .string(number.messageType.value.rawValue)
        body["NumberCapabilities"] = .strings(OriginationIdentityFields.capabilities(number))
        body["OptOutListName"] = number.optOutListName.map { .string($0.value) }
        body["RegistrationId"] = (number.registrationId?.value ?? registration).map { .string($0) }
        let result = try await sms.requestPhoneNumber(.object(body))
        guard let state = OriginationIdentityState(phoneNumber: result, region: region, tags: tags) else {
            throw OriginationIdentityError.unreadable("RequestPhoneNumber")
        }
        if state.status == "DELETED" { throw OriginationIdentityError.releasedByToken(state.displayName) }
        try await update(state, spec: spec, address: input.address, owner: input.options.owner, sms: sms)
        return state
    }

    /// UpdatePhoneNumber / UpdateSenderId for the settings that differ (one call, none if equal), then the tags.
    private func update(_ state: OriginationIdentityState, spec: OriginationIdentitySpec, address: ResourceAddress,
                        owner: String?, sms: SMSVoice) async throws {
        var settings: [String: JSONValue] = [:]
        if let wanted = spec.deletionProtection?.value, wanted != state.deletionProtection {
            settings["DeletionProtectionEnabled"] = .bool(wanted)
        }
        switch state.form {
        case .phoneNumber:
            if let number = spec.phoneNumber {
                if let wanted = number.twoWay?.value, wanted != (state.twoWay ?? false) {
                    settings["TwoWayEnabled"] = .bool(wanted)
                }
                if let wanted = number.selfManagedOptOuts?.value, wanted != (state.selfManagedOptOuts ?? false) {
                    settings["SelfManagedOptOutsEnabled"] = .bool(wanted)
                }
                if let wanted = number.optOutListName?.value,
                   OriginationIdentityState.optOutListName(wanted) != state.optOutListName {
                    settings["OptOutListName"] = .string(wanted)
                }
            }
            if !settings.isEmpty {
                settings["PhoneNumberId"] = .string(state.id)
                _ = try await sms.updatePhoneNumber(.object(settings))
            }
        case .senderId:
            if !settings.isEmpty {
                settings["SenderId"] = .string(state.senderId ?? "")
                settings["IsoCountryCode"] = .string(state.isoCountryCode)
                _ = try await sms.updateSenderId(.object(settings))
            }
        }
        try await SMSVoiceTagSync.sync(sms, arn: state.arn, live: state.tags, manifestTags: spec.tags?.value, for: address,
                                       owner: owner)
    }

    /// CreateRegistrationAssociation of a number with the Registration `spec.phoneNumber.registration` names, when
    /// it is not associated yet (`read`) and AWS accepts it now (`RegistrationAssociation.allowed`, from the
    /// Registration's outputs as applied earlier in this run).
    private func associate(_ state: OriginationIdentityState, with read: RegistrationAssociation?,
                           spec: OriginationIdentitySpec, context: ApplyContext, sms: SMSVoice) async throws {
        guard state.form == .phoneNumber, read?.associated != true, let name = spec.phoneNumber?.registration?.value
        else { return }
        let address = ResourceAddress(kind: .registration, name: name)
        let outputs = await context.references.outputs(of: address) ?? [:]
        guard let association = RegistrationAssociation.of(spec, outputs: [address: outputs]), association.allowed,
              let id = association.id else { return }
        try await sms.createRegistrationAssociation(id: id, resourceId: state.id)
    }

    /// ReleasePhoneNumber / ReleaseSenderId: irreversible.
    private func release(_ state: OriginationIdentityState, sms: SMSVoice) async throws {
        switch state.form {
        case .phoneNumber: _ = try await sms.releasePhoneNumber(id: state.id)
        case .senderId: _ = try await sms.releaseSenderId(senderId: state.senderId ?? "", isoCountryCode: state.isoCountryCode)
        }
    }
}
