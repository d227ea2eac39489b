/// The status a protect configuration gives one destination country (pinpoint-sms-voice-v2 `ProtectStatus`).
public enum ProtectStatus: String, ManifestEnum {
    case allow = "ALLOW", block = "BLOCK", monitor = "MONITOR", filter = "FILTER"
}

/// One capability's country rules of a protect configuration, written compactly: `{allow: [US, CA]}` allows these and
/// blocks every other country, `{block: [...]}` blocks these and allows every other; `monitor` and `filter` (SMS only)
/// name countries sent in those modes. AWS keeps and returns a rule for every country, so these rules are compared
/// against the whole live set, country by country (`updates(from:)`), never as lists.
public struct CountryRules: Sendable, Equatable {
    /// The status of each country the manifest names.
    public var named: [String: ProtectStatus]
    /// The status of every country the manifest does not name: BLOCK after an allow list, ALLOW otherwise.
    public var others: ProtectStatus

    /// Rules from their parts, unchecked; `compact(...)` builds and checks them from a manifest's lists.
    public init(named: [String: ProtectStatus], others: ProtectStatus) {
        self.named = named
        self.others = others
    }

    /// Builds the rules of `capability` from a manifest's lists, or the problems that make them unusable: an allow
    /// and a block list together, a code that is not an assigned ISO country, a country named twice, a mode AWS does
    /// not offer for the capability.
    public static func compact(capability: NumberCapability, allow: [String]? = nil, block: [String]? = nil,
                               monitor: [String] = [], filter: [String] = []) -> Result<CountryRules, CountryRulesError> {
        var problems: [CountryRulesProblem] = []
        if allow != nil && block != nil { problems.append(.allowAndBlock) }
        let modes: [(ProtectStatus, [String])] = [(.allow, allow ?? []), (.block, block ?? []),
                                                  (.monitor, monitor), (.filter, filter)]
        var named: [String: ProtectStatus] = [:]
        for (status, countries) in modes {
            if !countries.isEmpty && !status.isOffered(for: capability) {
                problems.append(.modeNotOffered(status, capability))
            }
            for country in countries {
                if !CountryCodes.isAssigned(country) {
                    problems.append(.unknownCountry(country))
                } else if let earlier = named[country] {
                    problems.append(.namedTwice(country, earlier, status))
                } else {
                    named[country] = status
                }
            }
        }
        guard problems.isEmpty else { return .failure(CountryRulesError(problems: problems)) }
        return .success(CountryRules(named: named, others: allow != nil ? .block : .allow))
    }

    /// The status these rules give `country`.
    public func status(of country: String) -> ProtectStatus { named[country] ?? others }

    /// The updates (UpdateProtectConfigurationCountryRuleSet `CountryRuleSetUpdates`) that turn `live`, the rule of
    /// every country AWS returned (by `ProtectStatus` name), into these rules: only the countries whose live status
    /// differs, so a rule set AWS lists in full shows no drift when it matches. Named countries AWS did not return
    /// are left out here and reported by `countriesMissing(from:)`.
    public func updates(from live: [String: String]) -> [String: ProtectStatus] {
        var updates: [String: ProtectStatus] = [:]
        for (country, current) in live where current != status(of: country).rawValue {
            updates[country] = status(of: country)
        }
        return updates
    }

    /// The named countries AWS's rule set does not have (AWS does not send there), sorted: the manifest cannot be met.
    public func countriesMissing(from live: [String: String]) -> [String] {
        named.keys.filter { live[$0] == nil }.sorted()
    }
}

extension ProtectStatus {
    /// Whether AWS offers this status for `capability`: MONITOR and FILTER apply to SMS only.
    public func isOffered(for capability: NumberCapability) -> Bool {
        switch self {
        case .allow, .block: true
        case .monitor, .filter: capability == .sms
        }
    }
}

/// One reason a capability's country rules are unusable.
public enum CountryRulesProblem: Sendable, Equatable {
    /// Both `allow` and `block` lists: one of them decides every other country.
    case allowAndBlock
    /// Not an assigned ISO 3166-1 alpha-2 code.
    case unknownCountry(String)
    /// A country in two lists (the first status, then the second).
    case namedTwice(String, ProtectStatus, ProtectStatus)
    /// A mode AWS does not offer for the capability.
    case modeNotOffered(ProtectStatus, NumberCapability)

    /// Stable diagnostic code.
    public var code: String {
        switch self {
        case .allowAndBlock: "country-rules-allow-and-block"
        case .unknownCountry: "unknown-country-code"
        case .namedTwice: "country-named-twice"
        case .modeNotOffered: "protect-mode-not-offered"
        }
    }

    /// What is wrong, for a person.
    public var message: String {
        switch self {
        case .allowAndBlock:
            "give either 'allow' (block every other country) or 'block' (allow every other country), not both"
        case .unknownCountry(let code):
            "'\(code)' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. US)"
        case .namedTwice(let country, let first, let second):
            "\(country) is named as both \(first.rawValue) and \(second.rawValue)"
        case .modeNotOffered(let status, let capability):
            "\(status.rawValue) applies to SMS only, not \(capability.rawValue)"
        }
    }
}

/// The problems of one capability's country rules.
public struct CountryRulesError: Error, Sendable, Equatable {
    /// Every problem found, in the order of the lists.
    public var problems: [CountryRulesProblem]
}
