/// Rules of an `SmsProtection` that AWS would otherwise answer with a ValidationException, or that make it govern
/// nothing: the country lists of each capability (`CountryRules.compact`), and what the configuration is attached to.
enum ProtectionRules {
    /// Each capability's lists: ISO 3166-1 alpha-2 codes, `allow` and `block` exclusive, a country in one list only,
    /// MONITOR and FILTER for SMS only; each configuration set named once; a warning when the configuration is
    /// neither the account default nor associated with a configuration set (it then governs no message), and one
    /// when its SMS rules allow no country at all (`sms: {allow: []}`: no sign-in code goes out).
    static let fields: Validator.Rule = { context in
        context.manifests.flatMap { manifest -> [Diagnostic] in
            guard case .smsProtection(let spec) = manifest.spec else { return [] }
            var found: [Diagnostic] = []
            for capability in spec.rules.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                guard let lists = spec.rules[capability], case .failure(let error) = lists.rules(for: capability)
                else { continue }
                let field = "spec.\(capability.rawValue.lowercased())"
                found += error.problems.map { diagnostic($0, lists: lists, field: field) }
            }
            if let sms = spec.rules[.sms], case .success(let rules) = sms.rules(for: .sms), rules.others == .block,
               !rules.named.values.contains(where: { $0 != .block }) {
                found.append(.warning("protect-blocks-every-country", "spec.sms: no country is allowed: every SMS "
                                      + "this configuration governs is blocked, sign-in codes included; list the "
                                      + "countries your users are in under 'allow'",
                                      at: sms.allow?.location ?? sms.location, field: "spec.sms.allow"))
            }
            var seen: Set<String> = []
            for (index, set) in (spec.configurationSets?.value ?? []).enumerated() where !seen.insert(set.value).inserted {
                found.append(.error("duplicate-configuration-set", "spec.configurationSets[\(index)]: ConfigurationSet "
                                    + "'\(set.value)' is named twice (a configuration set has one protect configuration)",
                                    at: set.location, field: "spec.configurationSets[\(index)]"))
            }
            if spec.accountDefault?.value != true, spec.configurationSets?.value.isEmpty ?? true {
                found.append(.warning("protect-configuration-unused", "spec: this protect configuration governs no message: "
                                      + "set 'accountDefault: true' or name configuration sets in 'configurationSets'",
                                      at: manifest.metadata.name.location, field: "spec"))
            }
            return found
        }
    }

    /// `problem` located at the list, or the code, it is about.
    private static func diagnostic(_ problem: CountryRulesProblem, lists: SmsProtectionSpec.CountryLists,
                                   field: String) -> Diagnostic {
        let named: [(String, Located<[Located<String>]>?)] = [("allow", lists.allow), ("block", lists.block),
                                                              ("monitor", lists.monitor), ("filter", lists.filter)]
        var location = lists.location, path = field
        switch problem {
        case .allowAndBlock:
            (location, path) = (lists.block?.location ?? location, field + ".block")
        case .unknownCountry(let code), .namedTwice(let code, _, _):
            let last = problem.code == "country-named-twice"
            let hits = named.flatMap { name, list in
                (list?.value ?? []).enumerated().filter { $0.element.value == code }
                    .map { ($0.element.location, "\(field).\(name)[\($0.offset)]") }
            }
            if let hit = last ? hits.last : hits.first { (location, path) = hit }
        case .modeNotOffered(let status, _):
            let name = status.rawValue.lowercased()
            if let list = named.first(where: { $0.0 == name })?.1 { (location, path) = (list.location, "\(field).\(name)") }
        }
        return .error(problem.code, "\(path): \(problem.message)", at: location, field: path)
    }
}
