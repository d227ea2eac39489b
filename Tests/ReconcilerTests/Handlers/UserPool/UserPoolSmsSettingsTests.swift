import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The SmsConfiguration a pool's SMS settings produce on each path, over what the pool has now.
@Suite struct UserPoolSmsSettingsTests {
    static let arn = "arn:aws:iam::123456789012:role/sms"

    @Test func endUserMessagingReplacesTheSnsMembersAndKeepsUnmanagedEumsMembers() {
        let settings = UserPoolSmsSettings(roleArn: Self.arn, externalId: "e", service: .endUserMessaging,
                                           configurationSet: "signin")
        let live: [String: JSONValue] = [
            "SnsCallerArn": "arn:aws:iam::123456789012:role/old", "ExternalId": "old", "SnsRegion": "us-west-2",
            "EumsSms": ["CallerArn": "arn:aws:iam::123456789012:role/old", "OriginationIdentity": "+18005550100"],
        ]
        #expect(settings.configuration(over: live) == ["EumsSms": [
            "CallerArn": .string(Self.arn), "ExternalId": "e", "ConfigurationSetName": "signin",
            "OriginationIdentity": "+18005550100",
        ]])
    }

    @Test func snsDropsTheEumsMembersAndKeepsTheSnsRegion() {
        let settings = UserPoolSmsSettings(roleArn: Self.arn, externalId: "e")
        let live: [String: JSONValue] = ["SnsRegion": "us-west-2", "EumsSms": ["CallerArn": .string(Self.arn)]]
        #expect(settings.configuration(over: live)
                == ["SnsCallerArn": .string(Self.arn), "ExternalId": "e", "SnsRegion": "us-west-2"])
    }

    @Test func onlyEndUserMessagingAddsPathFields() {
        #expect(UserPoolSmsSettings(roleArn: Self.arn, externalId: "e").pathFields.isEmpty)
        #expect(UserPoolSmsSettings(roleArn: Self.arn, externalId: "e", service: .endUserMessaging).pathFields
                == ["service": "endUserMessaging", "configurationSet": .null])
    }
}
