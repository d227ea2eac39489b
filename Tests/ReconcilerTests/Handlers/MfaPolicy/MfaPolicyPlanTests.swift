import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// MfaPolicyHandler.plan and its requests: pure, from manifests and live pools built by hand.
@Suite struct MfaPolicyPlanTests {
    static let address = ResourceAddress(kind: .mfaPolicy, name: "qnatime-mfa")

    static func yaml(mode: String = "OPTIONAL", remember: String = "Always", policy: String = "") -> String {
        """
        kind: MfaPolicy
        metadata: {name: qnatime-mfa}
        spec:
          userPool: qnatime
          mode: \(mode)
          sms: {enabled: true, message: "Your code is {####}"}
          totp: {enabled: true}
          deviceTracking: {remember: \(remember), bypassMfaOnRememberedDevices: true}
        \(policy)
        """
    }

    static let smsConfiguration: JSONValue = ["SnsCallerArn": "arn:aws:iam::123456789012:role/sms", "ExternalId": "x"]

    /// A live pool equal to `yaml()`.
    static func live(mode: String = "OPTIONAL", sms: Bool = true, totp: Bool = true, message: String = "Your code is {####}",
                     device: JSONValue? = ["DeviceOnlyRememberedOnUserPrompt": false, "ChallengeRequiredOnNewDevice": true],
                     users: Int = 0) throws -> MfaPolicyLive {
        var config: [String: JSONValue] = ["MfaConfiguration": .string(mode), "SoftwareTokenMfaConfiguration": ["Enabled": .bool(totp)]]
        if sms { config["SmsMfaConfiguration"] = ["SmsAuthenticationMessage": .string(message), "SmsConfiguration": smsConfiguration] }
        var pool: [String: JSONValue] = [
            "Id": "us-east-1_Pool1", "Name": "qnatime", "MfaConfiguration": .string(mode), "SmsConfiguration": smsConfiguration,
            "EstimatedNumberOfUsers": .number(Double(users)), "LambdaConfig": ["PreSignUp": "arn:aws:lambda:us-east-1:123456789012:function:f"],
        ]
        if let device { pool["DeviceConfiguration"] = device }
        return MfaPolicyLive(mfaConfig: .object(config), pool: try UserPoolDescription(.object(pool)))
    }

    static func plan(_ yaml: String, _ live: LiveState<MfaPolicyLive>, poolAction: ChangeAction = .noop) throws -> ResourceChange {
        try MfaPolicyHandler().plan(ClientMfaFixtures.input(address, desired: try ClientMfaFixtures.desired(yaml), live: live,
                                                            poolAction: poolAction))
    }

    /// One live variation and the plan it must give for `yaml()`.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let live: @Sendable () throws -> MfaPolicyLive
        let action: ChangeAction
        let paths: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "equal", live: { try live() }, action: .noop, paths: []),
        Case(name: "MFA off", live: { try live(mode: "OFF", sms: false, totp: false) }, action: .update,
             paths: ["mode", "sms.enabled", "sms.message", "totp.enabled"]),
        Case(name: "other message", live: { try live(message: "Code {####}") }, action: .update, paths: ["sms.message"]),
        Case(name: "no device tracking", live: { try live(device: nil) }, action: .update,
             paths: ["deviceTracking.bypassMfaOnRememberedDevices", "deviceTracking.remember"]),
        Case(name: "opt-in devices without bypass",
             live: { try live(device: ["DeviceOnlyRememberedOnUserPrompt": true, "ChallengeRequiredOnNewDevice": false]) },
             action: .update, paths: ["deviceTracking.bypassMfaOnRememberedDevices", "deviceTracking.remember"]),
        Case(name: "empty device configuration is Never", live: { try live(device: [:]) }, action: .update,
             paths: ["deviceTracking.bypassMfaOnRememberedDevices", "deviceTracking.remember"]),
    ]

    @Test(arguments: cases)
    func comparesAsAWSMeansIt(_ testCase: Case) throws {
        let change = try Self.plan(Self.yaml(), .owned(try testCase.live()))
        #expect(change.action == testCase.action)
        #expect(change.fieldChanges.map(\.path) == testCase.paths)
        #expect(change.warnings.isEmpty)
    }

    @Test func createsOnANewPool() throws {
        let change = try Self.plan(Self.yaml(mode: "ON"), .absent)
        #expect(change.action == .create)
        #expect(change.warnings.isEmpty)
        #expect(change.fieldChanges.map(\.path) == [
            "deviceTracking.bypassMfaOnRememberedDevices", "deviceTracking.remember", "mode", "sms.enabled", "sms.message",
            "totp.enabled",
        ])
    }

    @Test(arguments: [(3, true), (0, false)])
    func turningMfaOnWarnsWhenThePoolHasUsers(users: Int, warns: Bool) throws {
        let change = try Self.plan(Self.yaml(mode: "ON"), .owned(try Self.live(users: users)))
        #expect(change.action == .update)
        #expect(change.fieldChanges == [FieldChange(path: "mode", before: "OPTIONAL", after: "ON")])
        #expect(change.warnings.count == (warns ? 1 : 0))
        #expect(change.warnings.allSatisfy { $0.contains("its 3 existing user(s) must enroll") })
    }

    @Test func modeOffComparesNoFactorAndNeverSendsOne() throws {
        let off = try Self.live(mode: "OFF", sms: false, totp: false)
        #expect(try Self.plan(Self.yaml(mode: "OFF"), .owned(off)).action == .noop)
        let spec = try #require(MfaPolicyHandler.spec(try ClientMfaFixtures.desired(Self.yaml(mode: "OFF"))))
        let request = try MfaPolicyRequests.mfaConfig(spec, live: try Self.live(), address: Self.address)
        #expect(request == ["UserPoolId": "us-east-1_Pool1", "MfaConfiguration": "OFF", "SoftwareTokenMfaConfiguration": ["Enabled": false]])
    }

    @Test func smsMfaCarriesThePoolsLiveSmsConfiguration() throws {
        let spec = try #require(MfaPolicyHandler.spec(try ClientMfaFixtures.desired(Self.yaml(mode: "ON"))))
        let request = try MfaPolicyRequests.mfaConfig(spec, live: try Self.live(mode: "OFF", sms: false, totp: false),
                                                      address: Self.address)
        #expect(request["MfaConfiguration"] == "ON")
        #expect(request["SmsMfaConfiguration"] == ["SmsAuthenticationMessage": "Your code is {####}", "SmsConfiguration": Self.smsConfiguration])
        #expect(request["SoftwareTokenMfaConfiguration"] == ["Enabled": true])
    }

    @Test func smsMfaOnAPoolWithoutSmsConfigurationIsAClearError() throws {
        let spec = try #require(MfaPolicyHandler.spec(try ClientMfaFixtures.desired(Self.yaml())))
        let bare = MfaPolicyLive(mfaConfig: ["MfaConfiguration": "OFF"], pool: try UserPoolDescription(["Id": "us-east-1_P"]))
        #expect(throws: MfaPolicyError.noSmsConfiguration(Self.address, poolId: "us-east-1_P")) {
            try MfaPolicyRequests.mfaConfig(spec, live: bare, address: Self.address)
        }
    }

    @Test(arguments: [
        ("Never", nil),
        ("Always", ["DeviceOnlyRememberedOnUserPrompt": false, "ChallengeRequiredOnNewDevice": true]),
        ("UserOptIn", ["DeviceOnlyRememberedOnUserPrompt": true, "ChallengeRequiredOnNewDevice": true]),
    ] as [(String, JSONValue?)])
    func deviceTrackingChangesOnlyDeviceConfiguration(remember: String, expected: JSONValue?) throws {
        let spec = try #require(MfaPolicyHandler.spec(try ClientMfaFixtures.desired(Self.yaml(remember: remember))))
        let live = try Self.live()
        let request = MfaPolicyRequests.devices(spec, live: live)
        #expect(request["DeviceConfiguration"] == expected)
        var others = request
        others.removeValue(forKey: "DeviceConfiguration")
        var unchanged = live.pool.updateRequest()
        unchanged.removeValue(forKey: "DeviceConfiguration")
        #expect(others == unchanged)
        #expect(request["LambdaConfig"] != nil)
    }

    /// The device request starts from the pool as UpdateUserPool accepts it: DescribeUserPool reports the legacy
    /// `UnusedAccountValidityDays` next to `TemporaryPasswordValidityDays`, which UpdateUserPool refuses together,
    /// and attributes that need verification before an update must still be auto-verified. Before, the request
    /// sent the pool back as described, and Cognito refused the device tracking change.
    @Test func deviceTrackingSendsThePoolAsUpdateUserPoolAcceptsIt() throws {
        let spec = try #require(MfaPolicyHandler.spec(try ClientMfaFixtures.desired(Self.yaml(remember: "Always"))))
        let described = try Self.live()
        var raw = described.pool.raw
        raw["Policies"] = ["PasswordPolicy": ["MinimumLength": 8, "TemporaryPasswordValidityDays": 7]]
        raw["AdminCreateUserConfig"] = ["AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7]
        raw["AutoVerifiedAttributes"] = ["phone_number"]
        raw["UserAttributeUpdateSettings"] = ["AttributesRequireVerificationBeforeUpdate": ["phone_number", "email"]]
        let live = MfaPolicyLive(mfaConfig: described.mfaConfig, pool: try UserPoolDescription(.object(raw)))
        let request = MfaPolicyRequests.devices(spec, live: live)
        #expect(request["AdminCreateUserConfig"] == ["AllowAdminCreateUserOnly": false])
        #expect(request["UserAttributeUpdateSettings"] == ["AttributesRequireVerificationBeforeUpdate": ["phone_number"]])
        #expect(request["Policies"]?["PasswordPolicy"]?["TemporaryPasswordValidityDays"] == 7)
    }

    @Test func neverDoesNotCompareBypass() throws {
        let change = try Self.plan(Self.yaml(remember: "Never"), .owned(try Self.live(device: nil)))
        #expect(change.action == .noop)
    }

    @Test func aReplacedPoolGetsThePolicyAgain() throws {
        let change = try Self.plan(Self.yaml(), .owned(try Self.live()), poolAction: .replace)
        #expect(change.action == .replace)
        #expect(change.reason?.contains("UserPool/qnatime is replaced") == true)
    }

    @Test(arguments: [(DeletePolicy.delete, ChangeAction.delete), (.retain, .retain)])
    func removedManifestTurnsMfaOffOnlyWithDelete(policy: DeletePolicy, action: ChangeAction) throws {
        let input = ClientMfaFixtures.input(Self.address, desired: nil, live: LiveState.owned(try Self.live()),
                                            deletePolicy: policy)
        #expect(try MfaPolicyHandler().plan(input).action == action)
        #expect(MfaPolicyHandler().outputs(of: try Self.live()) == ["userPoolId": "us-east-1_Pool1"])
    }
}
