import AWSServices
import Manifests

/// The mapping between an AppClient manifest and Cognito's `UserPoolClientType`: plan values by manifest path
/// (for both sides of the comparison) and the Create/UpdateUserPoolClient requests.
enum AppClientFields {
    /// The plan path of the pool an existing client lives in (its pool id), compared only once the client exists.
    static let userPoolPath = "userPool"

    /// The simple fields (`FieldCatalog.appClient`'s rows with an AWS member).
    static let table = FieldTable(.appClient)
    /// The paths AWS cannot change in place: the secret, and the pool (a client cannot move between pools).
    static let immutable: Set<String> = table.immutablePaths.union(["generateSecret", userPoolPath])

    /// What a client created without them has at the managed paths a manifest may leave out, as `live` reads
    /// them: no secret; ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH; no read or write
    /// attributes listed (AWS lists them only when set); AWS's default lifetimes; the simple fields' AWS defaults
    /// from the catalog (user existence errors LEGACY, token revocation on).
    static let createdWithout: [String: PlanValue] = {
        var fields = table.createdWithout.merging([
            "generateSecret": .bool(false),
            "explicitAuthFlows": set(["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]),
            "readAttributes": set([]), "writeAttributes": set([]),
        ]) { _, coded in coded }
        for token in TokenLifetime.Token.allCases {
            fields["tokenValidity.\(token.rawValue)"] = .string(TokenLifetime(token, in: [:]).text)
        }
        return fields
    }()

    /// The managed fields the manifest sets, as plan values. Sets are sorted; lifetimes in their shortest text.
    static func desired(_ spec: AppClientSpec) -> [String: PlanValue] {
        var fields = table.desired(spec.mapped)
        fields["clientName"] = .string(spec.clientName.value)
        if let value = spec.generateSecret { fields["generateSecret"] = .bool(value.value) }
        if let flows = spec.explicitAuthFlows { fields["explicitAuthFlows"] = set(flows.value.map(\.value.rawValue)) }
        if let attributes = spec.readAttributes { fields["readAttributes"] = set(attributes.value.map(\.value)) }
        if let attributes = spec.writeAttributes { fields["writeAttributes"] = set(attributes.value.map(\.value)) }
        for (token, duration) in managedLifetimes(spec) {
            fields["tokenValidity.\(token.rawValue)"] = .string(TokenLifetime(duration).text)
        }
        return fields
    }

    /// Every managed path read from a live client, as AWS means it: legacy auth flow names normalised, lifetimes
    /// as lengths of time with AWS's defaults when absent, the simple fields through `table`.
    static func live(_ client: AppClientDescription) -> [String: PlanValue] {
        let raw = client.raw
        var fields = table.live(raw)
        fields.merge([
            "clientName": .string(client.clientName),
            "generateSecret": .bool(client.hasSecret),
            "explicitAuthFlows": set(strings(raw["ExplicitAuthFlows"]).map(normalisedFlow)),
            "readAttributes": set(strings(raw["ReadAttributes"])),
            "writeAttributes": set(strings(raw["WriteAttributes"])),
        ]) { _, coded in coded }
        for token in TokenLifetime.Token.allCases {
            fields["tokenValidity.\(token.rawValue)"] = .string(TokenLifetime(token, in: raw).text)
        }
        return fields
    }

    /// CreateUserPoolClientRequest for `spec` in `poolId`: only what the manifest sets (AWS defaults the rest).
    static func createRequest(_ spec: AppClientSpec, poolId: String) -> [String: JSONValue] {
        var request: [String: JSONValue] = ["UserPoolId": .string(poolId)]
        if let value = spec.generateSecret { request["GenerateSecret"] = .bool(value.value) }
        return overlay(spec, onto: request, creating: true)
    }

    /// UpdateUserPoolClientRequest: the live client's every updatable member (UpdateUserPoolClient resets what
    /// it omits, e.g. out-of-band OAuth settings) overlaid with what the manifest manages.
    static func updateRequest(_ spec: AppClientSpec, live: AppClientDescription) -> [String: JSONValue] {
        overlay(spec, onto: live.updateRequest(), creating: false)
    }

    /// `request` with the managed members replaced by the manifest's values (the immutable simple ones only when
    /// `creating`). Managed lifetimes are sent in minutes; unmanaged live ones keep their value with their unit
    /// spelled out, so that adding `TokenValidityUnits` never reinterprets them.
    static func overlay(_ spec: AppClientSpec, onto request: [String: JSONValue], creating: Bool) -> [String: JSONValue] {
        var request = request
        table.overlay(spec.mapped, on: &request, creating: creating)
        request["ClientName"] = .string(spec.clientName.value)
        if let flows = spec.explicitAuthFlows { request["ExplicitAuthFlows"] = .strings(sorted(flows.value.map(\.value.rawValue))) }
        if let attributes = spec.readAttributes { request["ReadAttributes"] = .strings(sorted(attributes.value.map(\.value))) }
        if let attributes = spec.writeAttributes { request["WriteAttributes"] = .strings(sorted(attributes.value.map(\.value))) }
        let managed = managedLifetimes(spec)
        guard !managed.isEmpty else { return request }
        var units = request["TokenValidityUnits"]?.objectValue ?? [:]
        for token in TokenLifetime.Token.allCases where request[token.validityMember] != nil && units[token.unitMember] == nil {
            units[token.unitMember] = .string(token.defaultUnit)
        }
        for (token, duration) in managed {
            request[token.validityMember] = .number(Double(TokenLifetime(duration).minutes))
            units[token.unitMember] = "minutes"
        }
        request["TokenValidityUnits"] = .object(units)
        return request
    }

    /// The lifetimes the manifest sets, by token.
    private static func managedLifetimes(_ spec: AppClientSpec) -> [(TokenLifetime.Token, TokenDuration)] {
        guard let validity = spec.tokenValidity else { return [] }
        let all: [(TokenLifetime.Token, Located<TokenDuration>?)] = [
            (.accessToken, validity.accessToken), (.idToken, validity.idToken), (.refreshToken, validity.refreshToken),
        ]
        return all.compactMap { token, value in value.map { (token, $0.value) } }
    }

    /// An auth flow in its `ALLOW_` spelling (legacy names as Cognito still accepts them).
    private static func normalisedFlow(_ name: String) -> String {
        (AuthFlow(rawValue: name) ?? AuthFlow.aliases[name])?.rawValue ?? name
    }

    /// The strings of a JSON array (none when absent).
    private static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// Sorted, without repeats.
    private static func sorted(_ values: [String]) -> [String] { Array(Set(values)).sorted() }

    /// A set as a plan value: sorted, without repeats.
    private static func set(_ values: [String]) -> PlanValue { .list(sorted(values).map { .string($0) }) }
}
