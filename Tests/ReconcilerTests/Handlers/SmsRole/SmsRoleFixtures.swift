import AWSCore
import Foundation
import Manifests
import Testing
@testable import AWSServices
@testable import Reconciler

/// Builders for SmsRole plan tests: manifests from YAML, live roles shaped as IAM's GetRole answers them.
enum SmsRoleFixtures {
    /// The account of every plan test.
    static let account = "123456789012"
    /// The resource under test.
    static let address = ResourceAddress(kind: .smsRole, name: "cognito-sms")
    /// Its ownership tags.
    static let ownership = OwnershipTags.tags(for: address, owner: nil)
    /// A boundary ARN.
    static let boundary = "arn:aws:iam::123456789012:policy/boundary"

    /// The spec lines of the full manifest, by field.
    static let fullSpec: [String: String] = [
        "roleName": "cognito_sns_iam_role",
        "path": "/service-role/",
        "externalId": "ext-1",
        "description": "Lets Cognito publish SMS",
        "maxSessionDurationSeconds": "7200",
        "permissionsBoundaryArn": boundary,
        "tags": "{Team: Dev}",
    ]

    /// An SmsRole manifest named `cognito-sms` with `spec` (field → YAML value) and optional `policy` lines.
    static func desired(_ spec: [String: String] = fullSpec, policy: String = "", name: String = "cognito-sms") throws -> DesiredResource {
        let specLines = spec.keys.sorted().map { "  \($0): \(spec[$0] ?? "")" }.joined(separator: "\n")
        let text = "apiVersion: smsauth/v1\nkind: SmsRole\nmetadata: {name: \(name)}\nspec:\n\(specLines)\n"
            + (policy.isEmpty ? "" : "policy: {\(policy)}\n")
        let result = ManifestLoader().load(text: text, file: "role.yaml")
        let manifest = try #require(result.manifests.first, "\(result.diagnostics)")
        return DesiredResource(manifest: manifest, region: nil, dependencies: [])
    }

    /// `fullSpec` with `changes` applied (a nil value removes the field).
    static func spec(_ changes: [String: String?]) -> [String: String] {
        var spec = fullSpec
        for (key, value) in changes { spec[key] = value }
        return spec
    }

    /// The trust policy as IAM returns it: URL-encoded, keys reordered, one-element lists, a single Statement object.
    static func reshapedTrust(externalId: String = "ext-1", account: String = account,
                              service: String = "cognito-idp.amazonaws.com") -> String {
        let json = """
        { "Statement": { "Condition": { "StringEquals": { "aws:SourceAccount": ["\(account)"], "sts:ExternalId": "\(externalId)" } },
          "Action": ["sts:AssumeRole"], "Principal": { "Service": ["\(service)"] }, "Effect": "Allow" },
          "Version": "2012-10-17" }
        """
        return json.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? json
    }

    /// The publish policy as IAM returns it (URL-encoded, reshaped).
    static func reshapedPublish() throws -> PolicyDocument {
        let json = #"{"Statement":[{"Resource":["*"],"Action":["sns:Publish"],"Effect":"Allow"}],"Version":"2012-10-17"}"#
        return try PolicyDocument(text: json.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? json)
    }

    /// A role shaped like IAM's `<Role>` element of GetRole.
    static func role(name: String = "cognito_sns_iam_role", path: String = "/service-role/", trust: String = reshapedTrust(),
                     description: String? = "Lets Cognito publish SMS", maxSession: Int? = 7200,
                     boundary: String? = boundary, tags: [String: String] = ["Team": "Dev"].merging(ownership) { $1 }) throws -> IAMRole {
        var xml = "<Role><RoleName>\(name)</RoleName><Path>\(path)</Path><RoleId>AROAEXAMPLE</RoleId>"
        xml += "<Arn>arn:aws:iam::\(account):role\(path)\(name)</Arn>"
        xml += "<AssumeRolePolicyDocument>\(trust)</AssumeRolePolicyDocument>"
        if let description { xml += "<Description>\(description)</Description>" }
        if let maxSession { xml += "<MaxSessionDuration>\(maxSession)</MaxSessionDuration>" }
        if let boundary {
            xml += "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
            xml += "<PermissionsBoundaryArn>\(boundary)</PermissionsBoundaryArn></PermissionsBoundary>"
        }
        xml += "<Tags>" + tags.keys.sorted().map { "<member><Key>\($0)</Key><Value>\(tags[$0] ?? "")</Value></member>" }.joined() + "</Tags>"
        xml += "</Role>"
        return try IAMRole(xml: XMLElement.parse(Data(xml.utf8)))
    }

    /// A live role with the reshaped publish policy.
    static func live(_ role: IAMRole) throws -> SmsRoleLive {
        SmsRoleLive(role: role, publishPolicy: try reshapedPublish())
    }

    /// A plan input for `desired` against `live`.
    static func input(_ desired: DesiredResource?, _ live: LiveState<SmsRoleLive>, status: ResourceStatus? = nil,
                      deletePolicy: DeletePolicy = .retain) -> PlanInput<SmsRoleLive> {
        PlanInput(address: address, desired: desired, live: live, status: status, references: [:],
                  dependencyActions: [:], deletePolicy: deletePolicy, options: PlanOptions(account: account))
    }
}
