import AWSCore
import AWSServices
import Foundation

/// What `Tests/smsauthTests/Fixtures/every-kind` must leave in an otherwise empty account and status folder, checked
/// by a reader that shares no code with smsauth's handlers. Every problem is a sentence; none means the state is what
/// one clean apply leaves: one AWS resource per manifest, nothing else, every status file valid and naming it.
struct EveryKindAudit {
    /// The fixture, relative to the repository.
    static let fixture = "Tests/smsauthTests/Fixtures/every-kind"
    /// Where the fixture's regional resources live.
    static let region = "us-east-1"
    /// The status file of every manifest, as `Kind/name`.
    static let addresses: Set<String> = [
        "SmsAccountSettings/us-east-1", "SmsRole/crash-sms", "UserPool/crash", "AppClient/crash-web",
        "AppClient/crash-cli", "MfaPolicy/crash-mfa", "SandboxNumber/tester-one", "SandboxNumber/tester-two",
        "OriginationIdentity/crash-simulator", "PhonePool/crash-senders",
    ]
    /// `spec.roleName` of the SmsRole.
    static let roleName = "crash-cognito-sms"
    /// `spec.clientName` of the AppClients, by `metadata.name`.
    static let clients = ["crash-web": "crash-web", "crash-cli": "crash-cli"]
    /// `spec.phoneNumber` of the SandboxNumbers.
    static let sandboxNumbers = ["+12065550110", "+12065550111"]

    /// The reader's client (a principal of its own).
    let client: AWSClient

    /// The ids found live, by address, for comparison with the status files.
    private struct Live {
        var ids: [String: String] = [:]
    }

    /// Everything wrong with the account and the status folder.
    func problems(statusDirectory: URL) async throws -> [String] {
        var problems: [String] = []
        var live = Live()
        try await checkRole(&problems, &live)
        try await checkCognito(&problems, &live)
        try await checkMessaging(&problems, &live)
        try await checkSandboxAndSettings(&problems)
        checkStatusFiles(statusDirectory, live, &problems)
        return problems
    }

    /// Exactly one role, the manifest's, with smsauth's tags.
    private func checkRole(_ problems: inout [String], _ live: inout Live) async throws {
        let iam = IAM(client: client)
        let listed = try await client.query(.iam, region: "us-east-1", action: "ListRoles", parameters: QueryParameters())
        let names = listed.members("Roles").compactMap { $0.value("RoleName") }
        if names != [Self.roleName] { problems.append("IAM roles are \(names), expected only \(Self.roleName)") }
        guard let role = try await iam.getRole(name: Self.roleName) else { return }
        if role.tags["smsauth:managed-by"] != "smsauth" || role.tags["smsauth:resource"] != "SmsRole/crash-sms" {
            problems.append("role \(role.name) lacks smsauth's tags: \(role.tags)")
        }
        live.ids["SmsRole/crash-sms"] = role.arn
    }

    /// Exactly one pool (tagged as the manifest's), one client per AppClient, the MfaPolicy's mode.
    private func checkCognito(_ problems: inout [String], _ live: inout Live) async throws {
        let cognito = CognitoIdentityProvider(client: client, region: Self.region)
        let pools = try await cognito.listUserPools()
        guard pools.count == 1, let summary = pools.first,
              let pool = try await cognito.describeUserPool(id: summary.id) else {
            problems.append("user pools are \(pools.map(\.id)), expected exactly one")
            return
        }
        if pool.tags["smsauth:managed-by"] != "smsauth" || pool.tags["smsauth:resource"] != "UserPool/crash" {
            problems.append("user pool \(pool.id) lacks smsauth's tags: \(pool.tags)")
        }
        live.ids["UserPool/crash"] = pool.id
        let clients = try await cognito.listUserPoolClients(poolId: pool.id)
        let names = clients.map(\.clientName).sorted()
        if names != Self.clients.values.sorted() { problems.append("app clients are \(names)") }
        for (name, clientName) in Self.clients {
            live.ids["AppClient/\(name)"] = clients.first { $0.clientName == clientName }?.clientId
        }
        let mfa = try await cognito.getUserPoolMfaConfig(poolId: pool.id)
        if mfa["MfaConfiguration"]?.stringValue != "OPTIONAL" {
            problems.append("MFA configuration is \(mfa["MfaConfiguration"]?.stringValue ?? "absent"), expected OPTIONAL")
        }
        live.ids["MfaPolicy/crash-mfa"] = pool.id
    }

    /// Exactly one number bought (not released) and one phone pool holding it, both tagged as the manifests'.
    private func checkMessaging(_ problems: inout [String], _ live: inout Live) async throws {
        let sms = SMSVoice(client: client, region: Self.region)
        let numbers = try await sms.describePhoneNumbers().filter { $0["Status"]?.stringValue != "DELETED" }
        let numberIds = numbers.compactMap { $0["PhoneNumberId"]?.stringValue }
        guard numbers.count == 1, let number = numbers.first, let numberId = numberIds.first,
              let numberArn = number["PhoneNumberArn"]?.stringValue else {
            problems.append("origination numbers are \(numberIds), expected exactly one")
            return
        }
        try await checkTags(arn: numberArn, "OriginationIdentity/crash-simulator", sms, &problems)
        live.ids["OriginationIdentity/crash-simulator"] = numberId
        let pools = try await sms.describePools()
        let poolIds = pools.compactMap { $0["PoolId"]?.stringValue }
        guard pools.count == 1, let pool = pools.first, let poolId = poolIds.first,
              let poolArn = pool["PoolArn"]?.stringValue else {
            problems.append("phone pools are \(poolIds), expected exactly one")
            return
        }
        try await checkTags(arn: poolArn, "PhonePool/crash-senders", sms, &problems)
        live.ids["PhonePool/crash-senders"] = poolId
        let members = try await sms.listPoolOriginationIdentities(poolId: poolId)
            .compactMap { $0["OriginationIdentityArn"]?.stringValue }
        if members != [numberArn] { problems.append("phone pool \(poolId) holds \(members), expected [\(numberArn)]") }
    }

    /// smsauth's tags on an End User Messaging SMS resource.
    private func checkTags(arn: String, _ address: String, _ sms: SMSVoice, _ problems: inout [String]) async throws {
        let tags = try await sms.listTagsForResource(arn: arn) ?? [:]
        if tags["smsauth:managed-by"] != "smsauth" || tags["smsauth:resource"] != address {
            problems.append("\(arn) lacks the tags of \(address): \(tags)")
        }
    }

    /// Exactly the two sandbox numbers, and the account settings of the manifest.
    private func checkSandboxAndSettings(_ problems: inout [String]) async throws {
        let sns = SNS(client: client, region: Self.region)
        let numbers = try await sns.listSandboxPhoneNumbers().map(\.phoneNumber).sorted()
        if numbers != Self.sandboxNumbers { problems.append("sandbox numbers are \(numbers)") }
        let settings = try await sns.getSMSAttributes()
        if settings["DefaultSMSType"] != "Transactional" || settings["MonthlySpendLimit"] != "1" {
            problems.append("SMS attributes are \(settings)")
        }
    }

    /// One status file per manifest and nothing else (no leftover temporary file); each is a JSON object naming its
    /// kind and name, in a settled phase, with the live id where the resource has one.
    private func checkStatusFiles(_ directory: URL, _ live: Live, _ problems: inout [String]) {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
        var found: Set<String> = []
        for file in files {
            let address = "\(file.deletingLastPathComponent().lastPathComponent)/\(file.deletingPathExtension().lastPathComponent)"
            guard file.pathExtension == "json", !file.lastPathComponent.hasPrefix(".") else {
                problems.append("stray file in the status folder: \(file.lastPathComponent)")
                continue
            }
            found.insert(address)
            guard let data = try? Data(contentsOf: file),
                  let status = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                problems.append("status of \(address) is not a JSON object")
                continue
            }
            if "\(status["kind"] ?? "")/\(status["name"] ?? "")" != address {
                problems.append("status of \(address) names \(status["kind"] ?? "")/\(status["name"] ?? "")")
            }
            if !["Ready", "Pending"].contains(status["phase"] as? String ?? "") {
                problems.append("status of \(address) has phase \(status["phase"] ?? "none")")
            }
            let recorded = Set((status["resource"] as? [String: Any] ?? [:]).values.compactMap { $0 as? String })
            if let id = live.ids[address], !recorded.contains(id) {
                problems.append("status of \(address) records \(recorded.sorted()), not the live \(id)")
            }
        }
        if found != Self.addresses {
            problems.append("status files are \(found.sorted()), expected \(Self.addresses.sorted())")
        }
    }
}
