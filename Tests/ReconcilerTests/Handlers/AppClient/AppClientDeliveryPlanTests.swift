import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// AppClientHandler.plan with `spec.outputs` and `spec.secret`: the delivery fields, never a secret value.
@Suite struct AppClientDeliveryPlanTests {
    static let address = AppClientPlanTests.address
    static let secret = DeliveryLocation.secretsManager("qnatime/signup")
    static let outputs = DeliveryLocation.ssmParameter("/qnatime/signup")
    static let sensitive: PlanValue = .map(["secretsManager:qnatime/signup": .sensitive])

    static func yaml() -> String {
        AppClientPlanTests.yaml(generateSecret: true,
                                policy: "  outputs: {ssmParameter: /qnatime/signup}\n  secret: {secretsManager: qnatime/signup}")
    }

    static let pool = try! UserPoolDescription(["Id": "us-east-1_Pool1", "MfaConfiguration": "OFF"])

    static func live(_ targets: [DeliveryLocation: DeliveryTargetState], content: String? = nil) throws -> LiveState<AppClientLive> {
        var raw = AppClientPlanTests.matching
        raw["ClientSecret"] = "s3cr3t-value"
        let client = try AppClientDescription(.object(raw))
        let configuration = ClientConfiguration(region: "us-east-1", pool: pool, mfaConfig: nil, client: client)
        var targets = targets
        if let content { targets[outputs] = .owned(value: content) }
        let deliveries = AppClientDeliveries(configuration: configuration, desiredOutputs: outputs, desiredSecret: secret,
                                             targets: targets)
        return .owned(.client(client, deliveries))
    }

    static func document() throws -> String {
        var raw = AppClientPlanTests.matching
        raw["ClientSecret"] = "s3cr3t-value"
        let client = try AppClientDescription(.object(raw))
        return ClientConfigurationDocument.parameterValue(
            ClientConfiguration(region: "us-east-1", pool: pool, mfaConfig: nil, client: client), format: .json)
    }

    static func plan(_ live: LiveState<AppClientLive>, yaml: String = yaml()) throws -> ResourceChange {
        try AppClientHandler().plan(ClientMfaFixtures.input(address, desired: try ClientMfaFixtures.desired(yaml), live: live))
    }

    @Test func aNewClientPlansTheSecretAsSensitiveAndTheOutputsAfterApply() throws {
        let change = try Self.plan(.absent)
        #expect(change.action == .create)
        let fields = Dictionary(uniqueKeysWithValues: change.fieldChanges.map { ($0.path, $0.after) })
        #expect(fields["secret"] == Self.sensitive)
        #expect(fields["outputs"] == .map(["ssmParameter": "/qnatime/signup", "content": "(known after apply)"]))
        let text = try PlanRenderer().render(try Plan(changes: [change]), as: .text)
        #expect(text.contains("+ secret: {\"secretsManager:qnatime/signup\": (sensitive)}"), "\(text)")
    }

    @Test func deliveredAndCurrentPlansNothing() throws {
        let change = try Self.plan(try Self.live([Self.secret: .owned(value: nil)], content: try Self.document()))
        #expect(change.action == .noop)
    }

    @Test func aMissingSecretOrStaleOutputsIsAnUpdate() throws {
        let missing = try Self.plan(try Self.live([Self.secret: .absent], content: try Self.document()))
        #expect(missing.action == .update)
        #expect(missing.fieldChanges.map(\.path) == ["secret"])
        #expect(missing.fieldChanges.first?.before == .null)
        let stale = try Self.plan(try Self.live([Self.secret: .owned(value: nil)], content: "{\"old\": true}"))
        #expect(stale.action == .update)
        #expect(stale.fieldChanges.map(\.path) == ["outputs"])
    }

    @Test(arguments: [DeliveryTargetState.foreign, .deletionScheduled])
    func aLocationSmsauthDoesNotOwnIsRefused(_ state: DeliveryTargetState) throws {
        let change = try Self.plan(try Self.live([Self.secret: state], content: try Self.document()))
        #expect(change.action == .refuse)
        #expect(change.reason?.contains("secretsManager:qnatime/signup") == true)
    }

    @Test func aReplacedClientShowsBothRewritten() throws {
        let input = ClientMfaFixtures.input(Self.address, desired: try ClientMfaFixtures.desired(Self.yaml()),
                                            live: try Self.live([Self.secret: .owned(value: nil)], content: try Self.document()),
                                            poolAction: .replace)
        let change = try AppClientHandler().plan(input)
        #expect(change.action == .replace)
        let byPath = Dictionary(uniqueKeysWithValues: change.fieldChanges.map { ($0.path, $0) })
        #expect(byPath["secret"]?.before == Self.sensitive && byPath["secret"]?.after == Self.sensitive)
        #expect(byPath["outputs"]?.after == .map(["ssmParameter": "/qnatime/signup", "content": "(known after apply)"]))
    }

    @Test func aDroppedSecretIsPlannedAway() throws {
        var raw = AppClientPlanTests.matching
        raw["ClientSecret"] = "s3cr3t-value"
        let client = try AppClientDescription(.object(raw))
        let deliveries = AppClientDeliveries(recordedSecret: Self.secret, targets: [Self.secret: .owned(value: nil)])
        let change = try Self.plan(.owned(.client(client, deliveries)), yaml: AppClientPlanTests.yaml(generateSecret: true))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: "secret", before: Self.sensitive, after: .null)])
        #expect(AppClientHandler().outputs(of: .client(client, deliveries))["secret"] == "secretsManager:qnatime/signup")
    }

    @Test func noPlanOrOutputCarriesTheSecret() throws {
        let live = try Self.live([Self.secret: .owned(value: nil)], content: "{}")
        let change = try Self.plan(live)
        for format in [PlanOutputFormat.text, .json, .markdown] {
            #expect(try !PlanRenderer().render(try Plan(changes: [change]), as: format).contains("s3cr3t-value"))
        }
        #expect(!AppClientHandler().outputs(of: try #require(live.value)).values.contains { $0.contains("s3cr3t") })
    }

    @Test func recordedLocationsRoundTrip() {
        for location in [Self.secret, Self.outputs] {
            #expect(DeliveryLocation(recorded: location.description) == location)
        }
        #expect(DeliveryLocation(recorded: "vault:x") == nil)
        #expect(DeliveryLocation(recorded: "ssmParameter:") == nil)
        #expect("\(SecretText("s3cr3t-value"))" == "(sensitive)")
        #expect(!String(reflecting: SecretText("s3cr3t-value")).contains("s3cr3t"))
    }
}
