import AWSServices

/// The doctor's End User Messaging reads: a pool's configuration set (event destinations with their roles and
/// topics, its protect configuration) and a region's sandbox (account tier, verified destination numbers).
extension DoctorReader {
    /// DescribeConfigurationSets of `name`; for each enabled event destination recording delivery events, its
    /// target (the CloudWatch Logs role with its policies, or whether the SNS topic exists); and the SMS country
    /// rules of the protect configuration associated with the set.
    func configurationSetFacts(name: String, region: String) async -> ConfigurationSetFacts {
        let voice = context.smsVoice(region)
        let set: JSONValue
        do {
            guard let found = try await voice.describeConfigurationSet(name: name) else {
                return ConfigurationSetFacts(name: name, enabledDestinations: .success(nil))
            }
            set = found
        } catch {
            return ConfigurationSetFacts(name: name, enabledDestinations: .failure(DoctorReadFailure(classifying: error)))
        }
        let recording = (set["EventDestinations"]?.arrayValue ?? []).filter(Self.recordsDelivery)
        var facts = ConfigurationSetFacts(
            name: name, enabledDestinations: .success(recording.compactMap { $0["EventDestinationName"]?.stringValue }.sorted()))
        for destination in recording {
            if let read = await destinationFacts(destination, region: region) { facts.destinations.append(read) }
        }
        if let id = set["ProtectConfigurationId"]?.stringValue {
            facts.protection = await Self.capture {
                ProtectionFacts(id: id, smsRules: try await voice.protectCountryRules(id: id, capability: "SMS"))
            }
        }
        return facts
    }

    /// The target of one event destination as read from IAM or SNS; nil when it names none.
    private func destinationFacts(_ destination: JSONValue, region: String) async -> EventDestinationFacts? {
        let name = destination["EventDestinationName"]?.stringValue ?? ""
        if let logs = destination["CloudWatchLogsDestination"], let roleArn = logs["IamRoleArn"]?.stringValue {
            var role: DoctorFact<RoleSnapshot?>?
            if let roleName = RoleReader.roleName(fromArn: roleArn) {
                role = await RoleReader(iam: context.iam).read(name: roleName)
                // IAM is read by name in this account: a role of that name elsewhere (another account or path) is
                // not the one the destination names.
                if case let .success(found?)? = role, found.arn != roleArn {
                    role = .failure(DoctorReadFailure("it is not this account's role \(found.arn) (another account or "
                                                      + "path), and smsauth reads this account's roles only"))
                }
            }
            return EventDestinationFacts(name: name, target: .cloudWatchLogs(
                logGroupArn: logs["LogGroupArn"]?.stringValue ?? "", roleArn: roleArn, role: role))
        }
        if let topicArn = destination["SnsDestination"]?["TopicArn"]?.stringValue {
            let topicRegion = Self.region(ofArn: topicArn) ?? region
            return EventDestinationFacts(name: name, target: .sns(topicArn: topicArn, exists: await Self.capture {
                try await context.sns(topicRegion).topicExists(arn: topicArn)
            }))
        }
        if let stream = destination["KinesisFirehoseDestination"]?["DeliveryStreamArn"]?.stringValue {
            return EventDestinationFacts(name: name, target: .firehose(deliveryStreamArn: stream))
        }
        return nil
    }

    /// End User Messaging's sandbox in `region`: DescribeAccountAttributes, and DescribeVerifiedDestinationNumbers
    /// unless the tier is `PRODUCTION`.
    func eumSandboxFacts(_ region: String) async -> DoctorFact<EumSandboxFacts> {
        let voice = context.smsVoice(region)
        var facts: EumSandboxFacts
        switch await Self.capture({ try await voice.describeAccountAttributes()["ACCOUNT_TIER"] ?? "" }) {
        case let .failure(failure): return .failure(failure)
        case let .success(tier): facts = EumSandboxFacts(tier: tier)
        }
        if facts.sandboxed {
            facts.destinations = await Self.capture {
                try await voice.describeVerifiedDestinationNumbers().map { number in
                    SandboxDestination(phoneNumber: number.phoneNumber, verified: number.status == "VERIFIED")
                }
            }
        }
        return .success(facts)
    }

    /// The SMS country rules of the account-default protect configuration of `region` (DescribeProtectConfigurations
    /// filtered on `account-default`, GetProtectConfigurationCountryRuleSet); nil when there is none.
    func accountDefaultProtection(_ region: String) async -> DoctorFact<ProtectionFacts?> {
        await Self.capture {
            let voice = context.smsVoice(region)
            let defaults = try await voice.describeProtectConfigurations(
                filters: [["Name": "account-default", "Values": .strings(["true"])]])
            guard let id = defaults.first?["ProtectConfigurationId"]?.stringValue else { return nil }
            return ProtectionFacts(id: id, smsRules: try await voice.protectCountryRules(id: id, capability: "SMS"))
        }
    }

    /// The region of an ARN (`arn:aws:sns:eu-west-1:…` → `eu-west-1`); nil when it names none.
    static func region(ofArn arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[3].isEmpty else { return nil }
        return String(parts[3])
    }
}
