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
}
