import Testing
@testable import AWSServices

@Suite struct UserPoolDescriptionTests {
    static func pool(tags: [String: String]?) throws -> UserPoolDescription {
        var raw: [String: JSONValue] = ["Id": "us-east-1_abc", "Name": "p", "DeletionProtection": "ACTIVE"]
        if let tags { raw["UserPoolTags"] = .strings(tags) }
        return try UserPoolDescription(.object(raw))
    }

    /// AWS resets what UpdateUserPool omits, tags included: the request always carries them, never `aws:` ones.
    @Test(arguments: [
        ([String: String]?.none, [String: String]()),
        ([:], [:]),
        (["smsauth:managed-by": "smsauth", "aws:cloudformation:stack-name": "s"], ["smsauth:managed-by": "smsauth"]),
    ])
    func updateRequestAlwaysCarriesTheTags(live: [String: String]?, sent: [String: String]) throws {
        let request = try Self.pool(tags: live).updateRequest()
        #expect(request["UserPoolTags"] == .strings(sent))
        #expect(request["PoolName"] == "p")
        #expect(request["DeletionProtection"] == "ACTIVE")
    }

    /// DescribeUserPool reports the legacy UnusedAccountValidityDays next to TemporaryPasswordValidityDays, which
    /// UpdateUserPool refuses together: an unchanged request leaves the legacy one out, and keeps it alone.
    @Test(arguments: [
        (JSONValue?.some(7), JSONValue?.none, JSONValue?.none),
        (.some(7), .some(3), .none),
        (.none, .some(3), .some(3)),
    ])
    func updateRequestLeavesOutTheLegacyValidityDays(temporary: JSONValue?, legacy: JSONValue?, sent: JSONValue?) throws {
        var admin: [String: JSONValue] = ["AllowAdminCreateUserOnly": false]
        admin["UnusedAccountValidityDays"] = legacy
        var raw: [String: JSONValue] = ["Id": "us-east-1_abc", "Name": "p", "AdminCreateUserConfig": .object(admin)]
        if let temporary { raw["Policies"] = ["PasswordPolicy": ["MinimumLength": 8, "TemporaryPasswordValidityDays": temporary]] }
        let request = try UserPoolDescription(.object(raw)).updateRequest()
        #expect(request["AdminCreateUserConfig"]?["UnusedAccountValidityDays"] == sent)
        #expect(request["AdminCreateUserConfig"]?["AllowAdminCreateUserOnly"] == false)
    }
}
