import AWSServices
import Manifests

/// The manifest ↔ AWS mapping of a `ConfigurationSet`, by plan path: `name`, `defaultMessageType`,
/// `defaultSenderId` (null: none), one `eventDestinations.<name>` per destination (keyed by name, so AWS's order is
/// no drift; event types compared as a set) and the user `tags`. smsauth owns the whole set: a default or a
/// destination the manifest leaves out is removed. Pure.
enum ConfigurationSetFields {
    /// Paths that cannot change after CreateConfigurationSet.
    static let immutablePaths: Set<String> = ["name"]

    /// The prefix of the per-destination paths.
    static let destinationPrefix = "eventDestinations."

    /// The manifest's fields; a destination only `live` has is desired `null` (deleted).
    static func desired(_ spec: ConfigurationSetSpec, live: ConfigurationSetLive?) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "name": .string(spec.name.value),
            "defaultMessageType": spec.defaultMessageType.map { .string($0.value.rawValue) } ?? .null,
            "defaultSenderId": spec.defaultSenderId.map { .string($0.value) } ?? .null,
        ]
        for name in live?.destinations.keys.sorted() ?? [] { fields[destinationPrefix + name] = .null }
        for destination in spec.eventDestinations?.value ?? [] {
            fields[destinationPrefix + destination.name.value] = value(of: request(destination, set: spec.name.value))
        }
        fields["tags"] = spec.tags.map { .map($0.value.mapValues { .string($0) }) }
        return fields
    }

    /// The same paths read from `live`.
    static func live(_ live: ConfigurationSetLive) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [
            "name": .string(live.name),
            "defaultMessageType": live.defaultMessageType.map { .string($0) } ?? .null,
            "defaultSenderId": live.defaultSenderId.map { .string($0) } ?? .null,
            "tags": .map(OriginationIdentityFields.userTags(live.tags).mapValues { .string($0) }),
        ]
        for (name, destination) in live.destinations { fields[destinationPrefix + name] = value(of: destination) }
        return fields
    }

    /// The UpdateEventDestination request of `destination` in the set `set` (CreateEventDestination's without
    /// `Enabled`).
    static func request(_ destination: ConfigurationSetSpec.EventDestination, set: String) -> JSONValue {
        var request: [String: JSONValue] = [
            "ConfigurationSetName": .string(set), "EventDestinationName": .string(destination.name.value),
            "MatchingEventTypes": .strings(destination.matchingEventTypes.value.map(\.value.rawValue)),
            "Enabled": .bool(destination.enabled?.value ?? true),
        ]
        if let logs = destination.cloudWatchLogs {
            request["CloudWatchLogsDestination"] = ["LogGroupArn": .string(logs.logGroupArn.value),
                                                    "IamRoleArn": .string(logs.iamRoleArn.value)]
        }
        if let sns = destination.sns { request["SnsDestination"] = ["TopicArn": .string(sns.topicArn.value)] }
        return .object(request)
    }

    /// The plan value of an `EventDestination` (or a request of one): enabled, the event types sorted, and its
    /// target as the manifest spells it (a Firehose target, set out of band, as `kinesisFirehose`).
    static func value(of destination: JSONValue) -> PlanValue {
        var value: [String: PlanValue] = [
            "enabled": .bool(destination["Enabled"]?.boolValue ?? false),
            "matchingEventTypes": .list(Set((destination["MatchingEventTypes"]?.arrayValue ?? []).compactMap(\.stringValue))
                .sorted().map(PlanValue.string)),
        ]
        if let logs = destination["CloudWatchLogsDestination"] {
            value["cloudWatchLogs"] = .map(["logGroupArn": .string(logs["LogGroupArn"]?.stringValue ?? ""),
                                            "iamRoleArn": .string(logs["IamRoleArn"]?.stringValue ?? "")])
        }
        if let sns = destination["SnsDestination"] {
            value["sns"] = .map(["topicArn": .string(sns["TopicArn"]?.stringValue ?? "")])
        }
        if let firehose = destination["KinesisFirehoseDestination"] {
            value["kinesisFirehose"] = .map(["deliveryStreamArn": .string(firehose["DeliveryStreamArn"]?.stringValue ?? "")])
        }
        return .map(value)
    }
}
