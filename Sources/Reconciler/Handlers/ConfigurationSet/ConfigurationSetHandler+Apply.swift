import AWSCore
import AWSServices
import Manifests

extension ConfigurationSetHandler {
    /// Creates (CreateConfigurationSet with tags and a ClientToken, then the defaults and destinations), updates
    /// (only the calls whose field differs), retags (the ownership tags alone), replaces (delete, then create: the name is what changed, or the set is
    /// recreated under the same name) or deletes the set. Returns `name`, `arn` and `region` afterwards (nothing
    /// after a delete).
    func write(_ action: WriteAction, change: ResourceChange, input: PlanInput<ConfigurationSetLive>,
               context: ApplyContext) async throws -> [String: String] {
        let live = input.live.value
        let region = input.region(live: live?.region)
        let sms = context.reconcile.smsVoice(region)
        switch action {
        case .create:
            return outputs(of: try await create(try Self.writtenSpec(input), input: input, region: region, sms: sms))
        case .update, .rename:
            guard let live else { throw ConfigurationSetError.notRead(input.address) }
            let spec = try Self.writtenSpec(input)
            try await Self.converge(live, to: spec, sms: sms)
            try await SMSVoiceTagSync.sync(sms, arn: live.arn, live: live.tags, manifestTags: spec.tags?.value,
                                           for: input.address, owner: input.options.owner)
            return outputs(of: live)
        case .retag:
            guard let live else { throw ConfigurationSetError.notRead(input.address) }
            try await SMSVoiceTagSync.retag(sms, arn: live.arn, live: live.tags, as: input.address, owner: input.options.owner)
            return outputs(of: live)
        case .replace:
            guard let live else { throw ConfigurationSetError.notRead(input.address) }
            try await sms.deleteConfigurationSet(name: live.name)
            return outputs(of: try await create(try Self.writtenSpec(input), input: input, region: region, sms: sms))
        case .delete:
            if let live { try await sms.deleteConfigurationSet(name: live.name) }
            return [:]
        }
    }

    /// CreateConfigurationSet (ClientToken from region, kind, address and name); a name taken by a set that is not
    /// ours is `nameTaken`. Then the defaults and destinations of the manifest.
    private func create(_ spec: ConfigurationSetSpec, input: PlanInput<ConfigurationSetLive>, region: String,
                        sms: SMSVoice) async throws -> ConfigurationSetLive {
        let tags = SMSVoiceTagSync.creationTags(spec.tags?.value, for: input.address, owner: input.options.owner)
        let token = ClientToken.derive([region, ResourceKind.configurationSet.rawValue, input.address.name, spec.name.value])
        let created: JSONValue
        do {
            created = try await sms.createConfigurationSet(name: spec.name.value, tags: tags, clientToken: token)
        } catch let error as AWSError where error.code == "ConflictException" {
            throw ConfigurationSetError.nameTaken(name: spec.name.value, address: input.address)
        }
        guard let set = ConfigurationSetLive(created, region: region, tags: tags) else {
            throw ConfigurationSetError.unreadable("CreateConfigurationSet")
        }
        var empty = set
        empty.destinations = [:]
        empty.defaultMessageType = nil
        empty.defaultSenderId = nil
        try await Self.converge(empty, to: spec, sms: sms)
        return set
    }

    /// The calls that bring `live`'s defaults and destinations to `spec`: Set/DeleteDefaultMessageType,
    /// Set/DeleteDefaultSenderId, then DeleteEventDestination of the names the manifest drops,
    /// UpdateEventDestination of the changed ones and CreateEventDestination of the new ones (which AWS creates
    /// enabled: one UpdateEventDestination more for a disabled one). None for what already matches.
    static func converge(_ live: ConfigurationSetLive, to spec: ConfigurationSetSpec, sms: SMSVoice) async throws {
        let set = live.name
        let messageType = spec.defaultMessageType?.value.rawValue
        if messageType != live.defaultMessageType {
            if let messageType {
                try await sms.setDefaultMessageType(configurationSet: set, messageType: messageType)
            } else {
                try await sms.deleteDefaultMessageType(configurationSet: set)
            }
        }
        let senderId = spec.defaultSenderId?.value
        if senderId != live.defaultSenderId {
            if let senderId {
                try await sms.setDefaultSenderId(configurationSet: set, senderId: senderId)
            } else {
                try await sms.deleteDefaultSenderId(configurationSet: set)
            }
        }
        let wanted = spec.eventDestinations?.value ?? []
        for name in live.destinations.keys.sorted() where !wanted.contains(where: { $0.name.value == name }) {
            try await sms.deleteEventDestination(configurationSet: set, name: name)
        }
        for destination in wanted {
            let request = ConfigurationSetFields.request(destination, set: set)
            guard let existing = live.destinations[destination.name.value] else {
                try await sms.createEventDestination(.object((request.objectValue ?? [:]).filter { $0.key != "Enabled" }))
                if destination.enabled?.value == false { try await sms.updateEventDestination(request) }
                continue
            }
            if ConfigurationSetFields.value(of: existing) != ConfigurationSetFields.value(of: request) {
                try await sms.updateEventDestination(request)
            }
        }
    }
}
