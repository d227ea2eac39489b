/// `spec` of a `ConfigurationSet`: an AWS End User Messaging SMS configuration set (its defaults and the event
/// destinations that record what happened to each message). smsauth owns the whole set: a default or the event
/// destinations left nil mean none (`tags` left nil are not managed, apart from the ownership tags).
public struct ConfigurationSetSpec: Sendable, Equatable {
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.name`: the configuration set name; immutable (a change replaces the set).
    public var name: Located<String>
    /// `spec.defaultMessageType`.
    public var defaultMessageType: Located<MessageType>?
    /// `spec.defaultSenderId`.
    public var defaultSenderId: Located<String>?
    /// `spec.eventDestinations`: exactly these (by name); destinations of other names are deleted.
    public var eventDestinations: Located<[EventDestination]>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?

    /// Creates a spec that manages only the name.
    public init(name: Located<String>) {
        self.name = name
    }

    /// One entry of `spec.eventDestinations`: where the events of the matching types go.
    public struct EventDestination: Sendable, Equatable {
        /// Where the entry is.
        public var location: SourceLocation
        /// `name`: unique within the set.
        public var name: Located<String>
        /// `enabled`; true when nil.
        public var enabled: Located<Bool>?
        /// `matchingEventTypes`.
        public var matchingEventTypes: Located<[Located<SmsEventType>]>
        /// `cloudWatchLogs`: exclusive with `sns`.
        public var cloudWatchLogs: CloudWatchLogs?
        /// `sns`: exclusive with `cloudWatchLogs`.
        public var sns: SnsTopic?
    }

    /// `cloudWatchLogs` of an event destination.
    public struct CloudWatchLogs: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// `logGroupArn`.
        public var logGroupArn: Located<String>
        /// `iamRoleArn`: the role End User Messaging assumes to write to the log group.
        public var iamRoleArn: Located<String>
    }

    /// `sns` of an event destination.
    public struct SnsTopic: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// `topicArn`.
        public var topicArn: Located<String>
    }
}
