import AWSCore
import AWSServices

extension SMSVoice {
    /// ListPoolOriginationIdentities, all pages: the pool's members as `OriginationIdentityMetadata`.
    func listPoolOriginationIdentities(poolId: String) async throws -> [JSONValue] {
        var members: [JSONValue] = []
        var token: String?
        repeat {
            var input: [String: JSONValue] = ["PoolId": .string(poolId)]
            if let token { input["NextToken"] = .string(token) }
            let output = try await client.json(.pinpointSMSVoiceV2, region: region, operation: "ListPoolOriginationIdentities",
                                               input: JSONValue.object(input), as: JSONValue.self)
            members += output["OriginationIdentities"]?.arrayValue ?? []
            token = output["NextToken"]?.stringValue
        } while token != nil
        return members
    }
}
