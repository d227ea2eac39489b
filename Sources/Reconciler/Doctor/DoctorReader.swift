import AWSServices
import Manifests

/// Gathers the facts of a doctor run from live state: the engine's read of every manifest (pools and SMS roles
/// found by ownership tags and status, exactly as reconcile finds them), plus what only the doctor needs: the
/// roles' permission policies, each pool's MFA configuration, and per SMS region the sandbox, the US origination
/// numbers and the spend limit. Never writes.
public struct DoctorReader: Sendable {
    /// AWS access.
    public let context: ReconcileContext

    /// Creates a reader.
    public init(context: ReconcileContext) {
        self.context = context
    }

    /// The facts of every UserPool manifest of `run`, and of every region an SMS-sending pool sends from; without
    /// any UserPool manifest, of every region of the folder's resources, or failing that of `defaultRegion` (so
    /// that the sandbox, origination numbers and spend limit are checked before the first pool is written).
    public func facts(of run: PlannedRun,
                      defaultRegion: String? = nil) async -> (pools: [PoolFacts], regions: [RegionFacts]) {
        let pools = run.targets.values.filter { $0.address.kind == .userPool && $0.desired != nil }
            .sorted { $0.address < $1.address }
        var facts: [PoolFacts] = []
        for target in pools {
            if let pool = await poolFacts(target, run: run) { facts.append(pool) }
        }
        var regions: [RegionFacts] = []
        let sending = facts.filter(\.sendsSms)
        let smsRegions = pools.isEmpty ? Self.folderRegions(of: run, defaultRegion: defaultRegion)
            : Set(sending.compactMap(\.smsRegion))
        for region in smsRegions.sorted() {
            regions.append(await regionFacts(region, pools: sending.filter { $0.smsRegion == region }))
        }
        return (facts, regions)
    }

    /// The regions of the manifests of `run`, or `defaultRegion` when none names one.
    static func folderRegions(of run: PlannedRun, defaultRegion: String?) -> Set<String> {
        let regions = Set(run.targets.values.filter { $0.desired != nil }.compactMap(\.region))
        return regions.isEmpty ? Set([defaultRegion].compactMap { $0 }) : regions
    }

    /// Whether every pool's SMS to US phones is blocked by the protect configuration governing it: its
    /// configuration set's, else the account default (`accountDefault`, read when some pool has no set-level one).
    /// False without pools or when a configuration could not be read.
    static func blocksUS(_ pools: [PoolFacts], accountDefault: DoctorFact<ProtectionFacts?>?) -> Bool {
        !pools.isEmpty && pools.allSatisfy { pool in
            let governing: ProtectionFacts?
            if pool.smsService == .endUserMessaging, let own = pool.configurationSet?.protection {
                governing = try? own.get()
            } else {
                governing = (try? accountDefault?.get()) ?? nil
            }
            return governing?.smsRules["US"] == "BLOCK"
        }
    }

    /// The facts of one UserPool manifest.
    private func poolFacts(_ target: ReadTarget, run: PlannedRun) async -> PoolFacts? {
        guard let desired = target.desired, case let .userPool(spec) = desired.manifest.spec else { return nil }
        let region = target.region ?? desired.region
        let (poolFact, described) = Self.pool(run.observations[target.address])
        let live = try? poolFact.get()
        let role = await roleFacts(spec, pool: live ?? nil, run: run)
        var mfa: DoctorFact<MfaFacts>?
        if let described, let region {
            mfa = await mfaFacts(described, region: region)
        }
        let phoneUse = (spec.autoVerifiedAttributes?.value ?? []).contains { $0.value == .phoneNumber }
            || (spec.usernameAttributes?.value ?? []).contains { $0.value == .phoneNumber }
        let smsMfa = (try? mfa?.get())?.smsEnabled ?? false
        let sendsSms = role != nil || phoneUse || smsMfa
        let smsRegion = spec.smsRegion?.value ?? described?.raw["SmsConfiguration"]?["SnsRegion"]?.stringValue ?? region
        var facts = PoolFacts(resource: target.address.description, smsRegion: smsRegion, account: run.options.account,
                              sendsSms: sendsSms, pool: poolFact, role: role, mfa: mfa,
                              smsService: spec.smsService?.value ?? .sns)
        let sendsWith = described.map { $0.raw["SmsConfiguration"]?["EumsSms"]?["ConfigurationSetName"]?.stringValue }
            ?? Self.configurationSetName(spec, run: run)
        if let name = sendsWith, let region {
            facts.configurationSet = await configurationSetFacts(name: name, region: region)
        }
        return facts
    }

    /// The configuration set the manifest says the pool sends with (used while the pool does not exist; an existing
    /// pool is checked with the set it really sends with): `spec.smsConfigurationSet`, or the `spec.name` of the
    /// ConfigurationSet manifest `spec.smsConfigurationSetRef` names.
    static func configurationSetName(_ spec: UserPoolSpec, run: PlannedRun) -> String? {
        guard let ref = spec.smsConfigurationSetRef else { return spec.smsConfigurationSet?.value }
        guard case .configurationSet(let set)? = run.targets[ResourceAddress(kind: .configurationSet, name: ref.value)]?
            .desired?.manifest.spec else { return nil }
        return set.name.value
    }

    /// Whether an `EventDestination` is enabled and matches an event type telling whether an SMS was delivered.
    static func recordsDelivery(_ destination: JSONValue) -> Bool {
        destination["Enabled"]?.boolValue == true && (destination["MatchingEventTypes"]?.arrayValue ?? []).contains {
            $0.stringValue.flatMap(SmsEventType.init(rawValue:))?.recordsSmsDelivery == true
        }
    }

    /// The pool as the UserPool handler read it.
    private static func pool(_ observation: Result<Observation, ReconcileFailure>?)
        -> (DoctorFact<PoolSnapshot?>, UserPoolDescription?) {
        switch observation {
        case nil: return (.failure(DoctorReadFailure("not read")), nil)
        case let .failure(failure)?: return (.failure(DoctorReadFailure(classifying: failure)), nil)
        case let .success(observation)?:
            guard let state = observation.live as? LiveState<UserPoolDescription> else {
                return (.failure(DoctorReadFailure("unexpected live state")), nil)
            }
            guard let pool = state.value else { return (.success(nil), nil) }
            let owned = if case .owned = state { true } else { false }
            let sms = pool.raw["SmsConfiguration"]
            let eums = sms?["EumsSms"]
            let path = eums ?? sms
            let snapshot = PoolSnapshot(id: pool.id, owned: owned,
                                        smsRoleArn: path?[eums == nil ? "SnsCallerArn" : "CallerArn"]?.stringValue,
                                        smsExternalId: path?["ExternalId"]?.stringValue,
                                        smsService: eums == nil ? .sns : .endUserMessaging)
            return (.success(snapshot), pool)
        }
    }

    /// The SMS role the pool should send through: its SmsRole manifest (as the SmsRole handler read it), the
    /// `smsRoleArn`, or failing both the role the live pool names.
    private func roleFacts(_ spec: UserPoolSpec, pool: PoolSnapshot?, run: PlannedRun) async -> RoleFacts? {
        let reader = RoleReader(iam: context.iam)
        if let roleAddress = UserPoolSmsSettings.roleAddress(of: spec) {
            guard case let .smsRole(roleSpec)? = run.targets[roleAddress]?.desired?.manifest.spec else {
                return RoleFacts(reference: roleAddress.description, roleName: roleAddress.name, managed: true,
                                 expectedExternalId: nil, live: .failure(DoctorReadFailure("no SmsRole manifest")))
            }
            let live: DoctorFact<RoleSnapshot?>
            switch run.observations[roleAddress] {
            case let .success(observation)?:
                if let role = (observation.live as? LiveState<SmsRoleLive>)?.value?.role {
                    live = await reader.read(role)
                } else {
                    live = .success(nil)
                }
            case let .failure(failure)?: live = .failure(DoctorReadFailure(classifying: failure))
            case nil: live = .failure(DoctorReadFailure("not read"))
            }
            return RoleFacts(reference: roleAddress.description, roleName: roleSpec.roleName.value, managed: true,
                             expectedExternalId: roleSpec.externalId.value, live: live)
        }
        guard let arn = spec.smsRoleArn?.value ?? pool?.smsRoleArn else { return nil }
        let expected = spec.smsRoleArn == nil ? pool?.smsExternalId : spec.smsExternalId?.value ?? pool?.smsExternalId
        guard let name = RoleReader.roleName(fromArn: arn) else {
            return RoleFacts(reference: arn, roleName: arn, managed: false, expectedExternalId: expected,
                             live: .failure(DoctorReadFailure("\(arn) is not an IAM role ARN")))
        }
        return RoleFacts(reference: arn, roleName: name, managed: false, expectedExternalId: expected,
                         live: await reader.read(name: name))
    }

    /// GetUserPoolMfaConfig, read the way the MfaPolicy handler reads it.
    private func mfaFacts(_ pool: UserPoolDescription, region: String) async -> DoctorFact<MfaFacts> {
        do {
            let config = try await context.cognito(region).getUserPoolMfaConfig(poolId: pool.id)
            let live = MfaPolicyLive(mfaConfig: config, pool: pool)
            return .success(MfaFacts(mode: live.mode.rawValue, smsEnabled: live.smsEnabled, totpEnabled: live.totpEnabled))
        } catch {
            return .failure(DoctorReadFailure(classifying: error))
        }
    }

    /// The account's SMS state in `region`: sandbox, spend limit and delivery-status role as the SmsAccountSettings
    /// handler reads them, the sandbox's destination numbers (only when in the sandbox and a pool of `pools` sends
    /// through SNS), the US phone numbers, the
    /// account-default protect configuration's SMS country rules (DescribeProtectConfigurations +
    /// GetProtectConfigurationCountryRuleSet; unless every pool of `pools` is protected by its configuration set's),
    /// the delivery-status role with its policies (`RoleReader`, when `DeliveryStatusIAMRole` names one), and End
    /// User Messaging's sandbox when a pool of `pools` sends through it. `pools` are the SMS-sending pools of the
    /// region; none (a folder without pools) reads what an SNS pool needs.
    func regionFacts(_ region: String, pools: [PoolFacts] = []) async -> RegionFacts {
        let address = ResourceAddress(kind: .smsAccountSettings, name: region)
        let settings: DoctorFact<SmsAccountSettingsLive>
        do {
            let read = try await SmsAccountSettingsHandler().read(
                [ReadTarget(address: address, desired: nil, status: nil, region: region)], context: context)
            settings = read[address]?.value.map { .success($0) } ?? .failure(DoctorReadFailure("not read"))
        } catch {
            settings = .failure(DoctorReadFailure(classifying: error))
        }
        let inSandbox = settings.map(\.inSandbox)
        let eumPools = pools.filter { $0.smsService == .endUserMessaging }
        let sendsThroughSns = pools.isEmpty || eumPools.count < pools.count
        var destinations: DoctorFact<[SandboxDestination]> = .success([])
        if sendsThroughSns, case .success(true) = inSandbox {
            destinations = await Self.capture {
                try await context.sns(region).listSandboxPhoneNumbers().map { number in
                    SandboxDestination(phoneNumber: number.phoneNumber, verified: number.status == "Verified")
                }
            }
        }
        let offered = EndUserMessagingRegions.isOffered(in: region)
        let usNumbers: DoctorFact<[OriginationNumber]> = !offered ? .success([]) : await Self.capture {
            let states = try await context.smsVoice(region).describePhoneNumbers(
                filters: [["Name": "iso-country-code", "Values": .strings(["US"])]]
            ).compactMap { OriginationIdentityState(phoneNumber: $0, region: region, tags: [:]) }
            let associated = try await associatedRegistrations(of: states, region: region)
            return states.map { state in
                OriginationNumber(phoneNumber: state.displayName, status: state.status ?? "",
                                  numberType: state.numberType ?? "", smsCapable: state.capabilities.contains("SMS"),
                                  registrationId: state.registrationId ?? associated[state.id])
            }
        }
        let unprotected = pools.isEmpty || pools.contains { $0.smsService == .sns || $0.configurationSet?.protection == nil }
        var protection: DoctorFact<ProtectionFacts?>?
        if unprotected, offered { protection = await accountDefaultProtection(region) }
        var facts = RegionFacts(region: region, inSandbox: inSandbox, destinations: destinations, usNumbers: usNumbers,
                                monthlySpendLimit: settings.map { $0.attributes["MonthlySpendLimit"].flatMap { $0.isEmpty ? nil : $0 } },
                                protection: protection, deliveryLogging: await deliveryLogging(settings))
        facts.sendsThroughSns = sendsThroughSns
        facts.endUserMessagingOffered = offered
        facts.usBlocked = Self.blocksUS(pools, accountDefault: protection)
        if !eumPools.isEmpty { facts.eumSandbox = await eumSandboxFacts(region) }
        if case let .success(numbers) = usNumbers {
            facts.registrations = await registrations(of: RegistrationChecks.registered(numbers), region: region)
        }
        return facts
    }

    /// `DeliveryStatusIAMRole` of `settings` and the role it names, read with its policies.
    private func deliveryLogging(_ settings: DoctorFact<SmsAccountSettingsLive>) async -> DoctorFact<DeliveryLoggingFacts> {
        let arn: String?
        switch settings {
        case let .failure(failure): return .failure(failure)
        case let .success(live): arn = live.attributes["DeliveryStatusIAMRole"].flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let arn, let name = RoleReader.roleName(fromArn: arn) else {
            return .success(DeliveryLoggingFacts(roleArn: arn, role: nil))
        }
        return .success(DeliveryLoggingFacts(roleArn: arn, role: await RoleReader(iam: context.iam).read(name: name)))
    }

    /// The value of `read`, or its error as a read failure.
    static func capture<Value: Sendable>(_ read: () async throws -> Value) async -> DoctorFact<Value> {
        do {
            return .success(try await read())
        } catch {
            return .failure(DoctorReadFailure(classifying: error))
        }
    }
}
