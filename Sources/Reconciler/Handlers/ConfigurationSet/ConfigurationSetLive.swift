import AWSServices

/// A configuration set as DescribeConfigurationSets describes it (`ConfigurationSetInformation`), with its tags.
struct ConfigurationSetLive: Sendable, Equatable {
    /// `ConfigurationSetName`.
    var name: String
    /// `ConfigurationSetArn`.
    var arn: String
    /// The region.
    var region: String
    /// `DefaultMessageType`.
    var defaultMessageType: String?
    /// `DefaultSenderId`.
    var defaultSenderId: String?
    /// `EventDestinations` by `EventDestinationName`, verbatim.
    var destinations: [String: JSONValue]
    /// All tags, ownership tags included.
    var tags: [String: String]

    /// Reads a `ConfigurationSetInformation`; nil without name or ARN.
    init?(_ json: JSONValue, region: String, tags: [String: String]) {
        guard let name = json["ConfigurationSetName"]?.stringValue, let arn = json["ConfigurationSetArn"]?.stringValue
        else { return nil }
        self.name = name
        self.arn = arn
        self.region = region
        defaultMessageType = json["DefaultMessageType"]?.stringValue
        defaultSenderId = json["DefaultSenderId"]?.stringValue
        var destinations: [String: JSONValue] = [:]
        for destination in json["EventDestinations"]?.arrayValue ?? [] {
            if let key = destination["EventDestinationName"]?.stringValue { destinations[key] = destination }
        }
        self.destinations = destinations
        self.tags = tags
    }
}
