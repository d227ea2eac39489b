import Foundation
import Testing
@testable import AWSCore

/// Every request the client hands its transport carries the operation it calls (`HTTPRequest.operation`), for each
/// wire protocol and on every attempt, so transports never have to parse a request to know it.
@Suite struct AWSClientOperationTests {
    /// A JSON operation carries its signing name and operation name, on the first attempt and on the retry.
    @Test func aJSONCallCarriesItsOperationOnEveryAttempt() async throws {
        let harness = ClientHarness([respond(500, "{}"), respond(200, "{}")],
                                    environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        _ = try await harness.client.json(TestServices.cognito, region: "eu-west-1", operation: "DescribeUserPool",
                                          input: ["UserPoolId": "eu-west-1_abc"], as: EmptyOutput.self)
        let operations = harness.transport.requests.map(\.operation)
        #expect(operations == Array(repeating: AWSOperation(service: "cognito-idp", name: "DescribeUserPool"), count: 2))
    }

    /// A query operation carries its action.
    @Test func aQueryCallCarriesItsAction() async throws {
        let harness = ClientHarness([respond(200, "<GetRoleResponse><GetRoleResult/></GetRoleResponse>")])
        _ = try await harness.client.query(TestServices.iam, region: "eu-west-1", action: "GetRole",
                                           parameters: QueryParameters())
        #expect(harness.transport.requests.map(\.operation) == [AWSOperation(service: "iam", name: "GetRole")])
    }

    /// A REST operation carries the operation name its caller gave.
    @Test func aRESTCallCarriesItsOperation() async throws {
        let s3 = ServiceDescriptor(serviceId: "S3", endpointPrefix: "s3", signingName: "s3", wireProtocol: .restXML)
        let harness = ClientHarness([respond(200, "")], environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        _ = try await harness.client.rest(s3, region: "eu-west-1", operation: "GetObject", method: "GET",
                                          url: { $0.url.appendingPathComponent("bucket/key") })
        #expect(harness.transport.requests.map(\.operation) == [AWSOperation(service: "s3", name: "GetObject")])
    }

    /// The service is the signing name (the credential scope's service), not the endpoint prefix.
    @Test func theServiceIsTheSigningName() async throws {
        let service = ServiceDescriptor(serviceId: "Messaging", endpointPrefix: "messaging", signingName: "sms-voice",
                                        wireProtocol: .json(version: "1.0", targetPrefix: "PinpointSMSVoiceV2"))
        let harness = ClientHarness([respond(200, "{}")], environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        _ = try await harness.client.json(service, region: "eu-west-1", operation: "DescribePhoneNumbers",
                                          input: [String: String](), as: EmptyOutput.self)
        #expect(harness.transport.requests.map(\.operation)
                == [AWSOperation(service: "sms-voice", name: "DescribePhoneNumbers")])
    }
}
