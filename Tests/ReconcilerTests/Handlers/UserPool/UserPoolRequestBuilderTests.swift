import AWSServices
import Manifests
import Testing
@testable import Reconciler

/// The manifest → Cognito request mapping, and the reset-to-default guard of UpdateUserPool.
@Suite struct UserPoolRequestBuilderTests {
    typealias F = UserPoolFixtures

    func builder(_ yaml: String = F.yaml()) throws -> UserPoolRequestBuilder {
        let desired = try F.desired(yaml)
        let spec = try #require(UserPoolHandler.spec(desired))
        return UserPoolRequestBuilder(address: desired.address, spec: spec,
                                      sms: UserPoolSmsSettings.resolve(spec, roleOutputs: F.roleOutputs), owner: nil)
    }

    @Test func createCarriesEveryManagedFieldInCognitoTerms() throws {
        let request = try builder().create()
        #expect(request["PoolName"] == "Qnatime.com User Pool")
        #expect(request["UsernameAttributes"] == ["phone_number"])
        #expect(request["UsernameConfiguration"] == ["CaseSensitive": false])
        #expect(request["AutoVerifiedAttributes"] == ["phone_number"])
        #expect(request["SmsConfiguration"] == [
            "SnsCallerArn": "arn:aws:iam::123456789012:role/service-role/sms", "ExternalId": "ext-1", "SnsRegion": "us-east-1",
        ])
        #expect(request["SmsVerificationMessage"] == "Your code is {####}.")
        #expect(request["EmailVerificationSubject"] == "Your code")
        #expect(request["EmailVerificationMessage"] == "Code {####}")
        #expect(request["VerificationMessageTemplate"] == [
            "SmsMessage": "Your code is {####}.", "EmailSubject": "Your code", "EmailMessage": "Code {####}",
        ])
        #expect(request["Policies"] == ["PasswordPolicy": [
            "MinimumLength": 8, "RequireUppercase": true, "RequireLowercase": true, "RequireNumbers": true,
            "RequireSymbols": true, "TemporaryPasswordValidityDays": 7,
        ]])
        #expect(request["AdminCreateUserConfig"] == [
            "AllowAdminCreateUserOnly": false, "InviteMessageTemplate": ["SMSMessage": "You are {username}, password {####}."],
        ])
        #expect(request["Schema"] == [[
            "Name": "tenant", "AttributeDataType": "String", "Mutable": true,
            "StringAttributeConstraints": ["MinLength": "1", "MaxLength": "64"],
        ]])
        #expect(request["AccountRecoverySetting"] == ["RecoveryMechanisms": [
            ["Priority": 1, "Name": "verified_phone_number"], ["Priority": 2, "Name": "verified_email"],
        ]])
        #expect(request["DeletionProtection"] == "ACTIVE")
        #expect(request["UserPoolTags"] == [
            "Team": "Dev", "smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/qnatime",
        ])
        #expect(request["MfaConfiguration"] == nil)
    }

    @Test func numberAttributesSendNumberConstraintsAsStrings() throws {
        let yaml = F.yaml(spec: ["customAttributes": "[{name: seats, type: Number, minValue: 1, maxValue: 500}]"])
        #expect(try builder(yaml).create()["Schema"] == [[
            "Name": "seats", "AttributeDataType": "Number", "NumberAttributeConstraints": ["MinValue": "1", "MaxValue": "500"],
        ]])
    }

    /// Everything the manifest does not manage is sent back exactly as it is live (UpdateUserPool would reset it).
    @Test func updateKeepsEveryUnmanagedLiveValue() throws {
        let unmanaged: [String: JSONValue] = [
            "LambdaConfig": ["PreSignUp": "arn:aws:lambda:us-east-1:123456789012:function:pre"],
            "EmailConfiguration": ["EmailSendingAccount": "DEVELOPER", "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/x"],
            "DeviceConfiguration": ["ChallengeRequiredOnNewDevice": true, "DeviceOnlyRememberedOnUserPrompt": true],
            "MfaConfiguration": "ON",
            "SmsAuthenticationMessage": "MFA code {####}",
            "UserPoolAddOns": ["AdvancedSecurityMode": "AUDIT"],
            "UserPoolTier": "ESSENTIALS",
        ]
        let pool = try F.pool(for: F.yaml(), extra: unmanaged)
        let request = try builder(F.yaml(spec: ["passwordPolicy": "{minimumLength: 12}"])).update(from: pool)
        for (member, value) in unmanaged { #expect(request[member] == value, "\(member)") }
        #expect(request["UserPoolId"] == "us-east-1_abc")
        #expect(request["Policies"]?["PasswordPolicy"]?["MinimumLength"] == 12)
        #expect(request["Policies"]?["PasswordPolicy"]?["RequireSymbols"] == true)
        #expect(request["SchemaAttributes"] == nil)
        #expect(request["UsernameAttributes"] == nil)
    }

    @Test func updateDropsTheLegacyUnusedAccountValidityDaysOnceTemporaryPasswordValidityIsSet() throws {
        let pool = try F.pool(for: F.yaml(), extra: ["AdminCreateUserConfig": [
            "AllowAdminCreateUserOnly": false, "UnusedAccountValidityDays": 7,
            "InviteMessageTemplate": ["SMSMessage": "old {username} {####}", "EmailSubject": "Welcome"],
        ]])
        let request = try builder().update(from: pool)
        #expect(request["AdminCreateUserConfig"] == [
            "AllowAdminCreateUserOnly": false,
            "InviteMessageTemplate": ["SMSMessage": "You are {username}, password {####}.", "EmailSubject": "Welcome"],
        ])
    }

    @Test func updateKeepsOnlyStillVerifiedAttributesInUserAttributeUpdateSettings() throws {
        let pool = try F.pool(for: F.yaml(), extra: [
            "UserAttributeUpdateSettings": ["AttributesRequireVerificationBeforeUpdate": ["phone_number", "email"]],
        ])
        let request = try builder().update(from: pool)
        #expect(request["UserAttributeUpdateSettings"] == ["AttributesRequireVerificationBeforeUpdate": ["phone_number"]])
    }

    @Test func updateMirrorsVerificationMessagesAndKeepsTheOtherTemplateMembers() throws {
        let pool = try F.pool(for: F.yaml(), extra: ["VerificationMessageTemplate": [
            "SmsMessage": "old {####}", "DefaultEmailOption": "CONFIRM_WITH_CODE", "EmailMessageByLink": "{##Click##}",
        ]])
        let request = try builder(F.yaml(spec: ["verificationMessages": "{sms: 'New {####}'}"])).update(from: pool)
        #expect(request["SmsVerificationMessage"] == "New {####}")
        #expect(request["VerificationMessageTemplate"] == [
            "SmsMessage": "New {####}", "DefaultEmailOption": "CONFIRM_WITH_CODE", "EmailMessageByLink": "{##Click##}",
        ])
    }

    @Test func tagsKeepOwnershipAndLiveTagsWhenTheManifestSetsNone() throws {
        let live = ["Owner": "ops", "aws:cloudformation:stack-name": "x", "smsauth:managed-by": "smsauth"]
        #expect(try builder(F.yaml(spec: ["tags": ""])).tags(live: live) == [
            "Owner": "ops", "smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/qnatime",
        ])
        #expect(try builder().tags(live: live) == [
            "Team": "Dev", "smsauth:managed-by": "smsauth", "smsauth:resource": "UserPool/qnatime",
        ])
    }

    @Test func onlyMissingCustomAttributesAreAdded() throws {
        let pool = try F.pool(for: F.yaml())
        let yaml = F.yaml(spec: ["customAttributes": "[{name: tenant, type: String, mutable: true, minLength: 1, maxLength: 64}, {name: plan, type: String}]"])
        #expect(try builder(yaml).customAttributesToAdd(to: pool) == [["Name": "plan", "AttributeDataType": "String"]])
    }

    @Test func disablingDeletionProtectionChangesNothingElse() throws {
        let pool = try F.pool(for: F.yaml(), extra: ["LambdaConfig": ["PreSignUp": "arn:aws:lambda:us-east-1:1:function:f"]])
        let request = UserPoolRequestBuilder.disableDeletionProtection(of: pool)
        #expect(request["DeletionProtection"] == "INACTIVE")
        #expect(request["LambdaConfig"] == pool.raw["LambdaConfig"])
        #expect(request["PoolName"] == "Qnatime.com User Pool")
    }
}
