/// `spec` of an `SmsProtection`: an AWS End User Messaging SMS protect configuration (country rules against SMS
/// pumping). Protect configurations have no name: smsauth finds one by its recorded id, else by ownership tags.
public struct SmsProtectionSpec: Sendable, Equatable {
    /// `spec.region`; nil means the default region.
    public var region: Located<String>?
    /// `spec.sms`, `spec.voice`, `spec.mms`: each capability's country rules as written; nil leaves AWS's
    /// rules of that capability unmanaged.
    public var rules: [NumberCapability: CountryLists]
    /// `spec.accountDefault`: the account's default protect configuration in the region.
    public var accountDefault: Located<Bool>?
    /// `spec.configurationSets`: names of `ConfigurationSet` manifests this configuration is associated with.
    public var configurationSets: Located<[Located<String>]>?
    /// `spec.deletionProtection`.
    public var deletionProtection: Located<Bool>?
    /// `spec.tags`.
    public var tags: Located<[String: String]>?

    /// Creates a spec that manages no rules.
    public init() {
        rules = [:]
    }

    /// One capability's lists as written (`allow` or `block`, `monitor`, `filter`), located for diagnostics.
    public struct CountryLists: Sendable, Equatable {
        /// Where the block is.
        public var location: SourceLocation
        /// `allow`: these countries are allowed, every other blocked.
        public var allow: Located<[Located<String>]>?
        /// `block`: these countries are blocked, every other allowed.
        public var block: Located<[Located<String>]>?
        /// `monitor` (SMS only).
        public var monitor: Located<[Located<String>]>?
        /// `filter` (SMS only).
        public var filter: Located<[Located<String>]>?

        /// The compact rules of `capability`, or why they are unusable.
        public func rules(for capability: NumberCapability) -> Result<CountryRules, CountryRulesError> {
            CountryRules.compact(capability: capability, allow: allow.map { $0.value.map(\.value) },
                                 block: block.map { $0.value.map(\.value) },
                                 monitor: monitor?.value.map(\.value) ?? [], filter: filter?.value.map(\.value) ?? [])
        }
    }
}
