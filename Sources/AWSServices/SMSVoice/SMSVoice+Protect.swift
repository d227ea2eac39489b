import AWSCore

/// Protect configurations (country rules against SMS pumping) and their attachments: what the `SmsProtection` kind
/// writes. Reads are in `SMSVoice.swift` (`describeProtectConfigurations`, `protectCountryRules`).
extension SMSVoice {
    /// CreateProtectConfiguration with a `ClientToken`, so a retry or a re-run after a crash returns the same
    /// configuration instead of making a second one. Answers `ProtectConfigurationId`, `ProtectConfigurationArn`, ….
    public func createProtectConfiguration(clientToken: String, deletionProtection: Bool,
                                           tags: [String: String]) async throws -> JSONValue {
        try await call("CreateProtectConfiguration", [
            "ClientToken": .string(clientToken), "DeletionProtectionEnabled": .bool(deletionProtection),
            "Tags": SMSVoice.tagList(tags),
        ])
    }

    /// One protect configuration (`ProtectConfigurationInformation`), nil when it does not exist.
    public func describeProtectConfiguration(id: String) async throws -> JSONValue? {
        do {
            // Paged like every listing: a page may be empty and still have a next one.
            return try await allPages("DescribeProtectConfigurations", input: ["ProtectConfigurationIds": .strings([id])],
                                      listKey: "ProtectConfigurations").first
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// UpdateProtectConfiguration (deletion protection only).
    public func updateProtectConfiguration(id: String, deletionProtection: Bool) async throws {
        _ = try await call("UpdateProtectConfiguration", ["ProtectConfigurationId": .string(id),
                                                          "DeletionProtectionEnabled": .bool(deletionProtection)])
    }

    /// DeleteProtectConfiguration: refused by AWS (`ConflictException`) while deletion protection is on, while it is
    /// the account default, or while a configuration set uses it.
    public func deleteProtectConfiguration(id: String) async throws {
        _ = try await call("DeleteProtectConfiguration", ["ProtectConfigurationId": .string(id)])
    }

    /// UpdateProtectConfigurationCountryRuleSet: sets the status (`ALLOW`, `BLOCK`, `MONITOR`, `FILTER`) of the
    /// countries in `updates` for one number capability, leaves every other country as it is, and answers the whole
    /// rule set after the update. `updates` must not be empty (AWS takes 1 to 300 countries).
    public func updateProtectCountryRules(id: String, capability: String,
                                          updates: [String: String]) async throws -> [String: String] {
        var rules: [String: JSONValue] = [:]
        for (country, status) in updates { rules[country] = ["ProtectStatus": .string(status)] }
        let output = try await call("UpdateProtectConfigurationCountryRuleSet", [
            "ProtectConfigurationId": .string(id), "NumberCapability": .string(capability),
            "CountryRuleSetUpdates": .object(rules),
        ])
        return SMSVoice.countryRules(in: output)
    }

    /// SetAccountDefaultProtectConfiguration: this configuration governs every message of the account in this region
    /// that names none (including those Cognito and SNS send).
    public func setAccountDefaultProtectConfiguration(id: String) async throws {
        _ = try await call("SetAccountDefaultProtectConfiguration", ["ProtectConfigurationId": .string(id)])
    }

    /// DeleteAccountDefaultProtectConfiguration: the account keeps no default (the configuration itself stays).
    public func deleteAccountDefaultProtectConfiguration() async throws {
        _ = try await call("DeleteAccountDefaultProtectConfiguration", [:])
    }

    /// AssociateProtectConfiguration: messages sent with the configuration set use this protect configuration.
    public func associateProtectConfiguration(id: String, configurationSet: String) async throws {
        _ = try await call("AssociateProtectConfiguration", ["ProtectConfigurationId": .string(id),
                                                             "ConfigurationSetName": .string(configurationSet)])
    }

    /// DisassociateProtectConfiguration.
    public func disassociateProtectConfiguration(id: String, configurationSet: String) async throws {
        _ = try await call("DisassociateProtectConfiguration", ["ProtectConfigurationId": .string(id),
                                                                "ConfigurationSetName": .string(configurationSet)])
    }

    /// The `CountryRuleSet` of an answer as country → status name.
    static func countryRules(in output: JSONValue) -> [String: String] {
        var rules: [String: String] = [:]
        for (country, rule) in output["CountryRuleSet"]?.objectValue ?? [:] {
            rules[country] = rule["ProtectStatus"]?.stringValue ?? ""
        }
        return rules
    }
}
