import AWSCore
import Foundation

extension CognitoIdentityProvider {
    /// DescribeUserPoolClient for its `ClientSecret` only, wrapped so that it never prints; nil when the client does
    /// not exist or has no secret. Called only when a secret must be delivered (client created or replaced, or its
    /// target missing): every other read drops the secret on arrival (`AppClientDescription`).
    public func clientSecret(poolId: String, clientId: String) async throws -> SecretText? {
        do {
            let output = try await call("DescribeUserPoolClient", ["UserPoolId": .string(poolId), "ClientId": .string(clientId)])
            return output["UserPoolClient"]?["ClientSecret"]?.stringValue.map(SecretText.init)
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }
}
