import AWSServices

/// The statements of a policy document, with IAM's wildcard matching of actions, as the doctor needs them.
struct PolicyStatements {
    /// One statement.
    struct Statement {
        /// The statement as JSON (canonical form: set-valued members are lists).
        let json: JSONValue

        /// `Allow` or `Deny`.
        var effect: String { json["Effect"]?.stringValue ?? "" }
        /// `Action` patterns (empty when the statement uses `NotAction`).
        var actions: [String] { strings(json["Action"]) }
        /// `Resource` patterns.
        var resources: [String] { strings(json["Resource"]) }
        /// `Principal.Service` names.
        var services: [String] { strings(json["Principal"]?["Service"]) }
        /// Whether the statement names every principal (`"Principal": "*"` or `{"AWS": "*"}`).
        var anyPrincipal: Bool {
            json["Principal"]?.stringValue == "*" || strings(json["Principal"]?["AWS"]).contains("*")
        }
        /// Whether the statement has a `Condition` (it may then not apply).
        var isConditional: Bool { json["Condition"] != nil }

        /// Values of condition `key` (matched regardless of case, as IAM matches condition keys) under the
        /// operators `operators` (by default `StringEquals` and `StringLike`), empty when absent.
        func condition(_ key: String, operators: [String] = ["StringEquals", "StringLike"]) -> [String] {
            operators.flatMap { name in
                (json["Condition"]?[name]?.objectValue ?? [:])
                    .filter { $0.key.lowercased() == key.lowercased() }
                    .flatMap { strings($0.value) }
            }
        }

        /// Whether a `Deny` statement reaches the `service` principal: it names it or every principal, or names
        /// everyone but some principals (`NotPrincipal`) among which the service is not.
        func reaches(service: String) -> Bool {
            if let excluded = json["NotPrincipal"] {
                return !strings(excluded["Service"]).contains(service)
            }
            return services.contains(service) || anyPrincipal
        }

        /// Whether a request made in `region` meets the statement's `aws:RequestedRegion` condition (or it has none).
        func applies(inRegion region: String) -> Bool {
            let regions = condition("aws:RequestedRegion")
            return regions.isEmpty || regions.contains { PolicyStatements.matches(pattern: $0, region) }
        }

        /// Whether the statement covers `action`: one of its `Action` patterns matches it, or, for a `NotAction`
        /// statement, none of those patterns does.
        func allows(action: String) -> Bool {
            if let excluded = json["NotAction"] {
                return !strings(excluded).contains { PolicyStatements.matches(pattern: $0, action) }
            }
            return actions.contains { PolicyStatements.matches(pattern: $0, action) }
        }

        /// Whether the statement covers the resource `arn`: one of its `Resource` patterns matches it, or, for a
        /// `NotResource` statement, none of those patterns does.
        func covers(resource arn: String) -> Bool {
            if let excluded = json["NotResource"] {
                return !strings(excluded).contains { PolicyStatements.matches(pattern: $0, arn, caseSensitive: true) }
            }
            return resources.contains { PolicyStatements.matches(pattern: $0, arn, caseSensitive: true) }
        }

        /// A string or list of strings.
        private func strings(_ value: JSONValue?) -> [String] {
            guard let value else { return [] }
            return (value.arrayValue ?? [value]).compactMap(\.stringValue)
        }
    }

    /// The statements.
    let statements: [Statement]

    /// The `Allow` statements that let the `service` principal `sts:AssumeRole` (a trust policy's question).
    func assuming(service: String) -> [Statement] {
        allowing.filter { $0.services.contains(service) && $0.allows(action: "sts:AssumeRole") }
    }

    /// Whether the `service` principal may assume the role, which belongs to `account`: an `Allow` statement lets
    /// it (naming it or every principal; one whose `aws:SourceAccount`, or the account of whose `aws:SourceArn`,
    /// names other accounts only does not, since the service acts for this account), and no unconditional `Deny`
    /// statement reaches it (naming it, every principal, or everyone but principals it is not among).
    func trusts(service: String, account: String?) -> Bool {
        let allowed = allowing.contains { statement in
            guard statement.services.contains(service) || statement.anyPrincipal,
                  statement.allows(action: "sts:AssumeRole") else { return false }
            guard let account else { return true }
            let sources = statement.condition("aws:SourceAccount")
            let arns = statement.condition("aws:SourceArn", operators: ["ArnLike", "ArnEquals", "StringLike", "StringEquals"])
            let accountMatches = sources.isEmpty || sources.contains { PolicyStatements.matches(pattern: $0, account) }
            let arnMatches = arns.isEmpty || arns.contains { arn in
                let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
                return parts.count > 4 && PolicyStatements.matches(pattern: String(parts[4]), account)
            }
            return accountMatches && arnMatches
        }
        let denied = denying.contains { statement in
            !statement.isConditional && statement.reaches(service: service) && statement.allows(action: "sts:AssumeRole")
        }
        return allowed && !denied
    }

    /// The statements of `document` (none when nil).
    init(_ document: PolicyDocument?) {
        let raw = document?.canonical["Statement"]
        statements = (raw?.arrayValue ?? raw.map { [$0] } ?? []).map(Statement.init)
    }

    /// `Allow` statements.
    var allowing: [Statement] { statements.filter { $0.effect == "Allow" } }
    /// `Deny` statements.
    var denying: [Statement] { statements.filter { $0.effect == "Deny" } }

    /// IAM's wildcard matching: `*` any run of characters, `?` one character; case-insensitive (actions, account
    /// ids, regions) unless `caseSensitive` (resource ARNs).
    static func matches(pattern: String, _ text: String, caseSensitive: Bool = false) -> Bool {
        caseSensitive ? matches(Array(pattern), Array(text)) : matches(Array(pattern.lowercased()), Array(text.lowercased()))
    }

    /// Glob matching of two character arrays.
    private static func matches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for symbol in pattern {
            var next = [Bool](repeating: false, count: text.count + 1)
            for index in 0...text.count where reachable[index] {
                if symbol == "*" {
                    for rest in index...text.count { next[rest] = true }
                } else if index < text.count, symbol == "?" || symbol == text[index] {
                    next[index + 1] = true
                }
            }
            reachable = next
        }
        return reachable[text.count]
    }
}
