extension FieldCatalog {
    /// What leaving out a default or the event destinations of a set means: smsauth owns the whole set.
    private static let none = "none (one set out of band is removed)"

    /// `ConfigurationSet` spec fields: smsauth owns the whole set, so a default or destination left out is removed.
    static let configurationSet: [FieldSpec] = [
        region,
        FieldSpec("name", .string, required: true, "Configuration set name, 1-64 letters, digits, '_' or '-'; unique "
                  + "in the region; immutable (a change replaces the set).", .immutable),
        FieldSpec("defaultMessageType", .enumeration(MessageType.self),
                  "Message type of messages sent with the set that name none.", .mutable, default: .derived(none)),
        FieldSpec("defaultSenderId", .string, "Sender ID of messages sent with the set that name none, 1-11 "
                  + "letters, digits, '_' or '-'.", .mutable, default: .derived(none)),
        FieldSpec("eventDestinations", .list(.object([
            FieldSpec("name", .string, required: true, "Event destination name, unique in the set, 1-64 letters, "
                      + "digits, '_' or '-'.", .identity),
            FieldSpec("enabled", .boolean, "Whether events are recorded.", .mutable, default: .value("true")),
            FieldSpec("matchingEventTypes", .list(.enumeration(SmsEventType.self)), required: true,
                      "Event types recorded (AWS EventType names: ALL, TEXT_ALL, TEXT_DELIVERED, ...).", .mutable),
            FieldSpec("cloudWatchLogs", .object([
                FieldSpec("logGroupArn", .string, required: true, "ARN of the log group events are written to.",
                          .mutable),
                FieldSpec("iamRoleArn", .string, required: true,
                          "ARN of the role End User Messaging assumes to write to the log group.", .mutable),
            ]), "Record events in CloudWatch Logs (exclusive with sns)."),
            FieldSpec("sns", .object([
                FieldSpec("topicArn", .string, required: true, "ARN of the SNS topic events are published to.",
                          .mutable),
            ]), "Publish events to an SNS topic (exclusive with cloudWatchLogs)."),
        ])), "Where events of messages sent with the set go, compared by name (order does not matter); "
            + "destinations of other names are deleted.", .mutable, default: .derived(none)),
        tags,
    ]
}
