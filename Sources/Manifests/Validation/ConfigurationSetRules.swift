/// Rules of a `ConfigurationSet` that AWS would otherwise answer with a ValidationException or ConflictException
/// (pinpoint-sms-voice-v2, botocore 1.44.5): name and ARN formats, one target per event destination, distinct
/// destination names.
enum ConfigurationSetRules {
    /// `spec.name` and each destination name are 1-64 letters, digits, `_` or `-`; `defaultSenderId` is 1-11 of
    /// them; each destination has exactly one of `cloudWatchLogs` and `sns`, ARNs there, and at least one event type;
    /// destination names are unique in the set.
    static let fields: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .configurationSet(let spec) = manifest.spec else { return [] }
            var found: [Diagnostic] = []
            if !SmsServiceRules.isConfigurationSetName(spec.name.value) {
                found.append(.error("invalid-configuration-set-name", "'\(spec.name.value)' is not a configuration "
                                    + "set name: 1-64 letters, digits, '_' or '-'", at: spec.name.location,
                                    field: "spec.name"))
            }
            if let sender = spec.defaultSenderId, !isSenderId(sender.value) {
                found.append(.error("invalid-sender-id", "'\(sender.value)' is not a sender ID: 1-11 letters, digits, "
                                    + "'_' or '-'", at: sender.location, field: "spec.defaultSenderId"))
            }
            var seen: [String: SourceLocation] = [:]
            for (index, destination) in (spec.eventDestinations?.value ?? []).enumerated() {
                found += Self.destination(destination, field: "spec.eventDestinations[\(index)]", seen: &seen)
            }
            return found
        }
    }

    /// The diagnostics of one event destination at `field`; `seen` holds the names of the earlier ones.
    private static func destination(_ destination: ConfigurationSetSpec.EventDestination, field: String,
                                    seen: inout [String: SourceLocation]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let name = destination.name
        if !SmsServiceRules.isConfigurationSetName(name.value) {
            found.append(.error("invalid-event-destination-name", "'\(name.value)' is not an event destination name: "
                                + "1-64 letters, digits, '_' or '-'", at: name.location, field: "\(field).name"))
        }
        if let earlier = seen[name.value] {
            found.append(.error("duplicate-event-destination", "event destination '\(name.value)' is listed twice "
                                + "(first at \(earlier)): names are unique in a configuration set",
                                at: name.location, field: "\(field).name"))
        } else {
            seen[name.value] = name.location
        }
        let targets = (destination.cloudWatchLogs != nil ? 1 : 0) + (destination.sns != nil ? 1 : 0)
        if targets != 1 {
            found.append(.error("event-destination-target", "event destination '\(name.value)' needs exactly one of "
                                + "'cloudWatchLogs' and 'sns' (it has \(targets))", at: destination.location,
                                field: field))
        }
        let arns: [(String, Located<String>?)] = [
            ("cloudWatchLogs.logGroupArn", destination.cloudWatchLogs?.logGroupArn),
            ("cloudWatchLogs.iamRoleArn", destination.cloudWatchLogs?.iamRoleArn), ("sns.topicArn", destination.sns?.topicArn),
        ]
        for (path, arn) in arns {
            guard let arn, !isArn(arn.value) else { continue }
            found.append(.error("invalid-arn", "'\(arn.value)' is not an ARN: 'arn:' and 20-2048 characters without "
                                + "spaces", at: arn.location, field: "\(field).\(path)"))
        }
        if destination.matchingEventTypes.value.isEmpty {
            found.append(.error("no-event-types", "event destination '\(name.value)' matches no event type: list at "
                                + "least one in 'matchingEventTypes'", at: destination.matchingEventTypes.location,
                                field: "\(field).matchingEventTypes"))
        }
        return found
    }

    /// Whether `value` is an ARN as the model's `SnsTopicArn`, `LogGroupArn` and `IamRoleArn` are: 20-2048
    /// characters matching `arn:\S+`.
    static func isArn(_ value: String) -> Bool {
        (20...2048).contains(value.count) && value.hasPrefix("arn:") && !value.contains(where: \.isWhitespace)
    }

    /// Whether `value` is a sender ID (pinpoint-sms-voice-v2 `SenderId`: 1-11 of `[A-Za-z0-9_-]`).
    static func isSenderId(_ value: String) -> Bool {
        (1...11).contains(value.count) && value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-".unicodeScalars.contains(scalar))
        }
    }
}
