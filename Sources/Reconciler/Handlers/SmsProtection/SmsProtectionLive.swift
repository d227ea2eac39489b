import AWSServices
import Manifests

/// A protect configuration as smsauth reads it: DescribeProtectConfigurations' `ProtectConfigurationInformation`,
/// its tags, the country rule set of each capability the manifest manages, and the configuration sets using it.
struct SmsProtectionLive: Sendable, Equatable {
    /// `ProtectConfigurationId`.
    var id: String
    /// `ProtectConfigurationArn`.
    var arn: String
    /// The region.
    var region: String
    /// `AccountDefault`.
    var accountDefault: Bool
    /// `DeletionProtectionEnabled`.
    var deletionProtection: Bool
    /// All tags, ownership tags included.
    var tags: [String: String]
    /// Country → status name, for each capability read (GetProtectConfigurationCountryRuleSet).
    var rules: [NumberCapability: [String: String]]
    /// AWS names of the configuration sets associated with it, sorted.
    var configurationSets: [String]

    /// Reads a `ProtectConfigurationInformation`; nil without id or ARN.
    init?(_ json: JSONValue, region: String, tags: [String: String]) {
        guard let id = json["ProtectConfigurationId"]?.stringValue, let arn = json["ProtectConfigurationArn"]?.stringValue
        else { return nil }
        self.id = id
        self.arn = arn
        self.region = region
        accountDefault = json["AccountDefault"]?.boolValue ?? false
        deletionProtection = json["DeletionProtectionEnabled"]?.boolValue ?? false
        self.tags = tags
        rules = [:]
        configurationSets = []
    }
}
