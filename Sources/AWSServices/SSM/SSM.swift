import AWSCore
import Foundation

/// AWS Systems Manager Parameter Store, with only the operations smsauth needs to deliver app client outputs
/// (String parameters) and secrets (SecureString parameters). Shapes and error codes: botocore ssm 2014-11-06.
public struct SSM: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region.
    public let region: String

    /// Creates the client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// A parameter as GetParameter describes it (`Parameter`).
    public struct Parameter: Sendable, Equatable {
        /// Name.
        public var name: String
        /// `String`, `StringList` or `SecureString`.
        public var type: String
        /// The value of a `String` parameter; nil for a `SecureString` (read without decryption, its value is
        /// never kept).
        public var value: String?
        /// ARN.
        public var arn: String?
    }

    /// What a parameter holds: plain text, or a secret stored as a SecureString (with a KMS key, else the
    /// account's `alias/aws/ssm`).
    public enum Value: Sendable, Equatable {
        /// A `String` parameter.
        case string(String)
        /// A `SecureString` parameter.
        case secure(SecretText, kmsKeyId: String?)
    }

    /// GetParameter without decryption; nil when the parameter does not exist (`ParameterNotFound`).
    public func getParameter(name: String) async throws -> Parameter? {
        let output: JSONValue
        do {
            output = try await call("GetParameter", ["Name": .string(name), "WithDecryption": false])
        } catch let error as AWSError where error.code == "ParameterNotFound" {
            return nil
        }
        let parameter = output["Parameter"]
        let type = parameter?["Type"]?.stringValue ?? "String"
        return Parameter(name: parameter?["Name"]?.stringValue ?? name, type: type,
                         value: type == "SecureString" ? nil : parameter?["Value"]?.stringValue,
                         arn: parameter?["ARN"]?.stringValue)
    }

    /// PutParameter creating a new parameter with `tags` (`Overwrite` false: AWS refuses tags on an overwrite, and
    /// an existing parameter answers `ParameterAlreadyExists`).
    public func createParameter(name: String, value: Value, tags: [String: String]) async throws {
        var request = Self.putRequest(name: name, value: value)
        request["Overwrite"] = false
        request["Tags"] = .array(Self.tagList(tags))
        _ = try await call("PutParameter", .object(request))
    }

    /// PutParameter overwriting an existing parameter's value (its tags stay).
    public func overwriteParameter(name: String, value: Value) async throws {
        var request = Self.putRequest(name: name, value: value)
        request["Overwrite"] = true
        _ = try await call("PutParameter", .object(request))
    }

    /// DeleteParameter; a parameter already gone (`ParameterNotFound`) is fine.
    public func deleteParameter(name: String) async throws {
        do {
            _ = try await call("DeleteParameter", ["Name": .string(name)])
        } catch let error as AWSError where error.code == "ParameterNotFound" {
            return
        }
    }

    /// AddTagsToResource of a parameter: adds `tags`, or overwrites the values of keys it has.
    public func addTags(parameter name: String, tags: [String: String]) async throws {
        _ = try await call("AddTagsToResource", ["ResourceType": "Parameter", "ResourceId": .string(name),
                                                 "Tags": .array(Self.tagList(tags))])
    }

    /// ListTagsForResource of a parameter.
    public func listTags(parameter name: String) async throws -> [String: String] {
        let output = try await call("ListTagsForResource", ["ResourceType": "Parameter", "ResourceId": .string(name)])
        return Self.tags(output["TagList"])
    }

    /// The members PutParameter shares between create and overwrite.
    private static func putRequest(name: String, value: Value) -> [String: JSONValue] {
        switch value {
        case let .string(text):
            return ["Name": .string(name), "Value": .string(text), "Type": "String"]
        case let .secure(secret, kmsKeyId):
            var request: [String: JSONValue] = ["Name": .string(name), "Value": .string(secret.reveal()),
                                                "Type": "SecureString"]
            if let kmsKeyId { request["KeyId"] = .string(kmsKeyId) }
            return request
        }
    }

    /// `[{"Key": …, "Value": …}]`, sorted by key.
    static func tagList(_ tags: [String: String]) -> [JSONValue] {
        tags.keys.sorted().map { ["Key": .string($0), "Value": .string(tags[$0] ?? "")] }
    }

    /// A `TagList` as a map.
    static func tags(_ list: JSONValue?) -> [String: String] {
        var tags: [String: String] = [:]
        for tag in list?.arrayValue ?? [] {
            if let key = tag["Key"]?.stringValue { tags[key] = tag["Value"]?.stringValue ?? "" }
        }
        return tags
    }

    /// One JSON call to SSM in this region.
    func call(_ operation: String, _ input: JSONValue) async throws -> JSONValue {
        try await client.json(.ssm, region: region, operation: operation, input: input, as: JSONValue.self)
    }
}
