extension KindDefinition {
    /// `ConfigurationSet`: an End User Messaging SMS configuration set with its event destinations.
    static let configurationSet = KindDefinition(
        ManifestSpec.configurationSet, read: SpecReader.configurationSet, fields: FieldCatalog.configurationSet,
        awsMembers: [
            "spec.name": "SMSVoice CreateConfigurationSet ConfigurationSetName",
            "spec.defaultMessageType": "SMSVoice SetDefaultMessageType MessageType",
            "spec.defaultSenderId": "SMSVoice SetDefaultSenderId SenderId",
            "spec.eventDestinations": "SMSVoice CreateEventDestination, UpdateEventDestination, DeleteEventDestination",
            "spec.eventDestinations.name": "SMSVoice CreateEventDestination EventDestinationName",
            "spec.eventDestinations.enabled": "SMSVoice UpdateEventDestination Enabled",
            "spec.eventDestinations.matchingEventTypes":
                "SMSVoice CreateEventDestination MatchingEventTypes",
            "spec.eventDestinations.cloudWatchLogs.logGroupArn":
                "SMSVoice CreateEventDestination CloudWatchLogsDestination.LogGroupArn",
            "spec.eventDestinations.cloudWatchLogs.iamRoleArn":
                "SMSVoice CreateEventDestination CloudWatchLogsDestination.IamRoleArn",
            "spec.eventDestinations.sns.topicArn":
                "SMSVoice CreateEventDestination SnsDestination.TopicArn",
            "spec.tags": "SMSVoice TagResource Tags",
        ],
        purpose: """
            An AWS End User Messaging SMS configuration set (CreateConfigurationSet): the default message type \
            and sender ID of messages sent with it, and its event destinations (CreateEventDestination), which \
            record each message's events in CloudWatch Logs or publish them to an SNS topic.
            """, smsSignIn: [
                "Name it in a UserPool's `smsConfigurationSetRef` (pool on `smsService: endUserMessaging`): the set "
                    + "is applied before the pool, and Cognito sends every code with it.",
                "An event destination matching `TEXT_ALL` (or the delivery outcomes, `TEXT_DELIVERED`, "
                    + "`TEXT_CARRIER_UNREACHABLE`, ...) is where you find out why a sign-in code did not arrive.",
                "`defaultMessageType: TRANSACTIONAL` for one-time passwords.",
            ], example: "end-user-messaging/configuration-set.yaml",
        relations: KindRelations(region: .own),
        supportsAdoption: false, defaultOnDelete: .retain,
        rules: [ConfigurationSetRules.fields],
        // `spec.name` in its region.
        claims: { (s: ConfigurationSetSpec, claims: inout ClaimList) in
            claims.add("configuration-set:\(claims.scope)/\(s.name.value)",
                       "the configuration set named '\(s.name.value)' in " + claims.region, "spec.name", s.name)
        })
}
