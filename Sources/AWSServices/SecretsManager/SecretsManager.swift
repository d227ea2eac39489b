import AWSCore
import Foundation

/// AWS Secrets Manager, with only the operations smsauth needs to deliver app client secrets. Shapes and error
/// codes: botocore secretsmanager 2017-10-17. No operation here ever returns a secret value.
public struct SecretsManager: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region.
    public let region: String

    /// Creates the client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// A secret's metadata as DescribeSecret answers it.
    public struct Secret: Sendable, Equatable {
        /// Name.
        public var name: String
        /// ARN.
        public var arn: String
        /// Tags.
        public var tags: [String: String]
        /// Whether the secret is scheduled for deletion (`DeletedDate` set): it cannot take a new value until
        /// restored, and its name cannot be reused until it is gone.
        public var scheduledForDeletion: Bool
    }

    /// DescribeSecret; nil when there is no such secret (`ResourceNotFoundException`).
    public func describeSecret(id: String) async throws -> Secret? {
        let output: JSONValue
        do {
            output = try await call("DescribeSecret", ["SecretId": .string(id)])
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
        return Secret(name: output["Name"]?.stringValue ?? id, arn: output["ARN"]?.stringValue ?? "",
                      tags: SSM.tags(output["Tags"]), scheduledForDeletion: output["DeletedDate"].map { $0 != .null } ?? false)
    }

    /// CreateSecret with `value` and `tags` (and a KMS key, else the account's `aws/secretsmanager`).
    /// `clientRequestToken` (32-64 characters) makes a retry create the same version instead of failing, so the
    /// call is retried like an idempotent one.
    public func createSecret(name: String, value: SecretText, kmsKeyId: String?, tags: [String: String],
                             clientRequestToken: String) async throws {
        var request: [String: JSONValue] = [
            "Name": .string(name), "SecretString": .string(value.reveal()), "Tags": .array(SSM.tagList(tags)),
            "ClientRequestToken": .string(clientRequestToken),
        ]
        if let kmsKeyId { request["KmsKeyId"] = .string(kmsKeyId) }
        _ = try await call("CreateSecret", .object(request))
    }

    /// TagResource of a secret: adds `tags`, or overwrites the values of keys it has.
    public func tagResource(id: String, tags: [String: String]) async throws {
        _ = try await call("TagResource", ["SecretId": .string(id), "Tags": .array(SSM.tagList(tags))])
    }

    /// PutSecretValue: a new current version holding `value` (idempotent through `clientRequestToken`).
    public func putSecretValue(id: String, value: SecretText, clientRequestToken: String) async throws {
        _ = try await call("PutSecretValue", [
            "SecretId": .string(id), "SecretString": .string(value.reveal()),
            "ClientRequestToken": .string(clientRequestToken),
        ])
    }

    /// DeleteSecret without a recovery window (the name is free again at once, so a manifest that names it again
    /// can create it); a secret already gone is fine.
    public func deleteSecret(id: String) async throws {
        do {
            _ = try await call("DeleteSecret", ["SecretId": .string(id), "ForceDeleteWithoutRecovery": true])
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return
        }
    }

    /// One JSON call to Secrets Manager in this region.
    func call(_ operation: String, _ input: JSONValue) async throws -> JSONValue {
        try await client.json(.secretsManager, region: region, operation: operation, input: input, as: JSONValue.self)
    }
}
