extension SpecReader {
    /// `ConfigurationSet` spec; nil without `name` (the reader has recorded why).
    static func configurationSet(_ r: MappingReader) -> ConfigurationSetSpec? {
        let region = r.string("region"), messageType: Located<MessageType>? = r.enumeration("defaultMessageType")
        let senderId = r.string("defaultSenderId"), tags = r.stringMap("tags")
        let destinations = r.objects("eventDestinations").map { list in
            Located(list.readers.compactMap(eventDestination), at: list.location)
        }
        guard let name = r.string("name") else { return nil }
        var spec = ConfigurationSetSpec(name: name)
        spec.region = region
        spec.defaultMessageType = messageType
        spec.defaultSenderId = senderId
        spec.eventDestinations = destinations
        spec.tags = tags
        return spec
    }

    /// One event destination; nil without name or event types, with an event type that could not be read (its
    /// error is recorded; the rest is not checked further), or with an incomplete destination block.
    static func eventDestination(_ r: MappingReader) -> ConfigurationSetSpec.EventDestination? {
        let name = r.string("name"), enabled = r.bool("enabled")
        let types: Located<[Located<SmsEventType>]>? = r.enumerations("matchingEventTypes")
        let logs = r.object("cloudWatchLogs").map { ($0.location, $0.string("logGroupArn"), $0.string("iamRoleArn")) }
        let sns = r.object("sns").map { ($0.location, $0.string("topicArn")) }
        guard let name, let types, types.value.count == written(r, "matchingEventTypes") else { return nil }
        var destination = ConfigurationSetSpec.EventDestination(location: r.location, name: name, enabled: enabled,
                                                                matchingEventTypes: types)
        if let logs {
            guard let group = logs.1, let role = logs.2 else { return nil }
            destination.cloudWatchLogs = .init(location: logs.0, logGroupArn: group, iamRoleArn: role)
        }
        if let sns {
            guard let topic = sns.1 else { return nil }
            destination.sns = .init(location: sns.0, topicArn: topic)
        }
        return destination
    }

    /// How many entries the list field `name` has as written (before entries that fail to read are left out).
    private static func written(_ r: MappingReader, _ name: String) -> Int? {
        guard case .sequence(let items)? = r.value(name)?.node.content else { return nil }
        return items.count
    }
}
