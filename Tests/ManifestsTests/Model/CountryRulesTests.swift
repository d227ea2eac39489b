import Testing
@testable import Manifests

/// Compact protect configuration country rules: building and checking them, and comparing them with the full rule set
/// AWS returns.
@Suite struct CountryRulesTests {
    /// A live rule set as AWS returns it: every country, all allowed (a new protect configuration).
    private static let allAllowed = Dictionary(uniqueKeysWithValues: CountryCodes.iso3166Alpha2.map { ($0, "ALLOW") })

    private func rules(_ capability: NumberCapability = .sms, allow: [String]? = nil, block: [String]? = nil,
                       monitor: [String] = [], filter: [String] = []) throws -> CountryRules {
        try CountryRules.compact(capability: capability, allow: allow, block: block, monitor: monitor,
                                 filter: filter).get()
    }

    private func problems(_ capability: NumberCapability = .sms, allow: [String]? = nil, block: [String]? = nil,
                          monitor: [String] = [], filter: [String] = []) -> [CountryRulesProblem] {
        guard case .failure(let error) = CountryRules.compact(capability: capability, allow: allow, block: block,
                                                                monitor: monitor, filter: filter) else { return [] }
        return error.problems
    }

    @Test func anAllowListBlocksEveryOtherCountry() throws {
        let rules = try rules(allow: ["US", "CA"])
        #expect(rules.status(of: "US") == .allow)
        #expect(rules.status(of: "CA") == .allow)
        #expect(rules.status(of: "NG") == .block)
        let updates = rules.updates(from: Self.allAllowed)
        #expect(updates.count == CountryCodes.iso3166Alpha2.count - 2)
        #expect(updates["US"] == nil && updates["CA"] == nil)
        #expect(Set(updates.values) == [.block])
    }

    @Test func aBlockListAllowsEveryOtherCountry() throws {
        let rules = try rules(block: ["RU", "NG"], monitor: ["MX"], filter: ["BR"])
        #expect(rules.updates(from: Self.allAllowed) == ["RU": .block, "NG": .block, "MX": .monitor, "BR": .filter])
    }

    @Test func aMatchingFullLiveSetNeedsNoUpdates() throws {
        let rules = try rules(allow: ["US", "CA"], monitor: ["GB"])
        var live = Dictionary(uniqueKeysWithValues: CountryCodes.iso3166Alpha2.map { ($0, "BLOCK") })
        live["US"] = "ALLOW"
        live["CA"] = "ALLOW"
        live["GB"] = "MONITOR"
        #expect(rules.updates(from: live).isEmpty)
        #expect(rules.countriesMissing(from: live).isEmpty)
    }

    @Test func aCountryUnblockedOutOfBandIsTheOnlyUpdate() throws {
        let rules = try rules(allow: ["US"])
        var live = Dictionary(uniqueKeysWithValues: CountryCodes.iso3166Alpha2.map { ($0, "BLOCK") })
        live["US"] = "ALLOW"
        live["NG"] = "ALLOW"
        #expect(rules.updates(from: live) == ["NG": .block])
    }

    @Test func namedCountriesAwsDoesNotReturnAreReportedNotUpdated() throws {
        let rules = try rules(allow: ["US", "KP"])
        var live = Self.allAllowed
        live["KP"] = nil
        #expect(rules.countriesMissing(from: live) == ["KP"])
        #expect(rules.updates(from: live)["KP"] == nil)
    }

    @Test func allowAndBlockTogetherAreRefused() {
        #expect(problems(allow: ["US"], block: ["NG"]) == [.allowAndBlock])
    }

    @Test func codesMustBeAssignedIsoCountries() {
        #expect(problems(allow: ["US", "us", "XX", "USA"]) == [.unknownCountry("us"), .unknownCountry("XX"),
                                                                 .unknownCountry("USA")])
    }

    @Test func aCountryMayBeNamedOnce() {
        #expect(problems(allow: ["US"], monitor: ["US"]) == [.namedTwice("US", .allow, .monitor)])
    }

    @Test func monitorAndFilterAreSmsOnly() throws {
        #expect(problems(.voice, block: ["NG"], monitor: ["MX"], filter: ["BR"])
                == [.modeNotOffered(.monitor, .voice), .modeNotOffered(.filter, .voice)])
        #expect(try rules(.voice, block: ["NG"]).status(of: "NG") == .block)
    }

    @Test func problemsHaveDistinctCodes() {
        let all: [CountryRulesProblem] = [.allowAndBlock, .unknownCountry("XX"), .namedTwice("US", .allow, .block),
                                          .modeNotOffered(.filter, .mms)]
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(all.allSatisfy { !$0.message.isEmpty })
    }

    @Test func theCountryListMatchesTheAssignedCodes() {
        #expect(CountryCodes.iso3166Alpha2.count == 249)
        #expect(CountryCodes.iso3166Alpha2.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isUppercase) })
    }
}
