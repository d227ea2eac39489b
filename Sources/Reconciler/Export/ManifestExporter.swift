import AWSServices
import Manifests

/// Reads live AWS and turns it into manifests (`smsauth export`): each user pool asked for, with its SMS role
/// (when Cognito may assume it and its trust policy has one external id), its app clients and its MFA policy;
/// with `.all`, also the region's SMS account settings, sandbox numbers, origination identities and phone pools.
/// Pools, roles, identities and phone pools get `spec.adopt`; app clients and MFA policies belong to their pool.
/// With `.all`, resources that already carry smsauth's `smsauth:managed-by` tag are left out (some manifest set
/// manages them already). Read-only.
public struct ManifestExporter: Sendable {
    /// Which pools to export.
    public enum Selection: Sendable, Equatable {
        /// Every pool of the region.
        case all
        /// The pools with these ids.
        case pools([String])
    }

    /// AWS access.
    public let context: ReconcileContext

    /// An exporter reading through `context`.
    public init(context: ReconcileContext) {
        self.context = context
    }

    /// The manifests of `selection` in `region`, pools in id order. Throws `ExportError.poolNotFound` for an id that
    /// names no pool.
    public func export(_ selection: Selection, region: String) async throws -> [ExportedManifest] {
        let cognito = context.cognito(region)
        let pools: [UserPoolDescription]
        switch selection {
        case .all:
            pools = try await ResourceDiscovery(context: context).userPools(in: region).filter { !Self.isManaged($0.tags) }
        case .pools(let ids):
            var found: [UserPoolDescription] = []
            for id in ids {
                guard let pool = try await cognito.describeUserPool(id: id) else { throw ExportError.poolNotFound(id, region) }
                found.append(pool)
            }
            pools = found
        }
        var names = ExportNames()
        var roles: [String: (name: String, externalId: String)] = [:]
        var manifests: [ExportedManifest] = []
        for pool in pools.sorted(by: { $0.id < $1.id }) {
            let poolName = names.name(.userPool, from: pool.name, fallback: "user-pool")
            let role = try await poolRole(pool, names: &names, roles: &roles, into: &manifests)
            manifests.append(ExportedManifest(kind: .userPool, name: poolName,
                                              spec: ExportSpecs.userPool(pool, region: region, role: role)))
            for summary in try await cognito.listUserPoolClients(poolId: pool.id).sorted(by: { $0.clientId < $1.clientId }) {
                guard let client = try await cognito.describeUserPoolClient(poolId: pool.id, clientId: summary.clientId) else {
                    continue
                }
                let name = names.name(.appClient, from: client.clientName, fallback: "app-client")
                manifests.append(ExportedManifest(kind: .appClient, name: name,
                                                  spec: ExportSpecs.appClient(client, poolName: poolName)))
            }
            let mfa = MfaPolicyLive(mfaConfig: try await cognito.getUserPoolMfaConfig(poolId: pool.id), pool: pool)
            let mfaName = names.name(.mfaPolicy, from: "\(poolName.prefix(59))-mfa", fallback: "mfa")
            manifests.append(ExportedManifest(kind: .mfaPolicy, name: mfaName,
                                              spec: ExportSpecs.mfaPolicy(mfa, poolName: poolName)))
        }
        if selection == .all { manifests += try await messaging(in: region, names: &names) }
        return manifests
    }

    /// The region's SMS account settings (when any managed attribute is set), sandbox numbers (SNS's and End User
    /// Messaging's verified destination numbers), unmanaged
    /// origination identities and the phone pools whose members are all exported.
    private func messaging(in region: String, names: inout ExportNames) async throws -> [ExportedManifest] {
        var manifests: [ExportedManifest] = []
        let sns = context.sns(region)
        let settings = SmsAccountSettingsLive(
            region: region, attributes: try await sns.getSMSAttributes(SmsAccountSettingsFields.attributeNames),
            inSandbox: false)
        if let spec = ExportSpecs.smsAccountSettings(settings) {
            manifests.append(ExportedManifest(kind: .smsAccountSettings,
                                              name: names.name(.smsAccountSettings, from: region, fallback: "account"),
                                              spec: spec))
        }
        let sandboxes: [(SmsService, [String])] = [
            (.sns, try await sns.listSandboxPhoneNumbers().map(\.phoneNumber)),
            (.endUserMessaging, try await context.smsVoice(region).describeVerifiedDestinationNumbers().map(\.phoneNumber)),
        ]
        for (service, numbers) in sandboxes {
            for number in numbers.sorted() {
                manifests.append(ExportedManifest(kind: .sandboxNumber,
                                                  name: names.name(.sandboxNumber, from: "sandbox-\(number)", fallback: "sandbox"),
                                                  spec: ExportSpecs.sandboxNumber(number, region: region, service: service)))
            }
        }
        let discovery = ResourceDiscovery(context: context)
        var identityNames: [String: String] = [:]
        for state in try await discovery.originationIdentities(in: region).sorted(by: { $0.arn < $1.arn })
        where !Self.isManaged(state.tags) {
            let name = names.name(.originationIdentity, from: state.phoneNumber ?? state.senderId ?? state.id,
                                  fallback: "origination")
            identityNames[state.arn] = name
            manifests.append(ExportedManifest(kind: .originationIdentity, name: name,
                                              spec: ExportSpecs.originationIdentity(state)))
        }
        let sms = context.smsVoice(region)
        for listing in try await discovery.phonePools(in: region).sorted(by: { $0.id < $1.id }) where !Self.isManaged(listing.tags) {
            let members = try await sms.listPoolOriginationIdentities(poolId: listing.id).compactMap(PoolMember.init)
            let memberNames = members.compactMap { identityNames[$0.arn] }
            guard memberNames.count == members.count,
                  let pool = PhonePoolLive(listing.pool, region: region, tags: listing.tags, members: members),
                  let spec = ExportSpecs.phonePool(pool, members: memberNames) else {
                context.logger.warning("phone pool not exported: a member is not exported or it has none",
                                       metadata: ["pool": "\(listing.id)"])
                continue
            }
            manifests.append(ExportedManifest(kind: .phonePool, name: names.name(.phonePool, from: listing.id, fallback: "phone-pool"),
                                              spec: spec))
        }
        return manifests
    }

    /// Whether `tags` mark a resource smsauth already manages.
    static func isManaged(_ tags: [String: String]) -> Bool { tags[OwnershipTags.managedByKey] != nil }

    /// How the pool names its SMS role: the role's manifest (exported once, on first use) when IAM has the role,
    /// Cognito may assume it and its trust policy's single external id is the pool's; else the ARN and external
    /// id; nil when the pool has no SMS configuration.
    private func poolRole(_ pool: UserPoolDescription, names: inout ExportNames,
                          roles: inout [String: (name: String, externalId: String)],
                          into manifests: inout [ExportedManifest]) async throws -> ExportSpecs.PoolRole? {
        let sms = pool.raw["SmsConfiguration"]
        guard let arn = sms?["SnsCallerArn"]?.stringValue else { return nil }
        let poolExternalId = sms?["ExternalId"]?.stringValue
        if let known = roles[arn] { return known.externalId == poolExternalId ? .manifest(known.name) : .arn }
        guard let roleName = arn.split(separator: "/").last.map(String.init),
              let role = try await context.iam.getRole(name: roleName), role.arn == arn,
              ResourceDiscovery.trustsCognito(role.assumeRolePolicy),
              let externalId = ExportSpecs.externalId(of: role) else { return .arn }
        let name = names.name(.smsRole, from: role.name, fallback: "sms-role")
        roles[arn] = (name, externalId)
        manifests.append(ExportedManifest(kind: .smsRole, name: name, spec: ExportSpecs.smsRole(role, externalId: externalId)))
        return externalId == poolExternalId ? .manifest(name) : .arn
    }
}

/// Why an export could not be made.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--pool` names a pool that does not exist in the region.
    case poolNotFound(String, String)

    /// Stable code.
    public var code: String {
        switch self {
        case .poolNotFound: "export.poolNotFound"
        }
    }

    /// What went wrong.
    public var description: String {
        switch self {
        case let .poolNotFound(id, region): "\(code): user pool \(id) does not exist in \(region)"
        }
    }
}
