import Foundation
import Testing
@testable import AWSCore

/// Tests of AWSClientQuery.
@Suite struct AWSClientQueryTests {
    /// Sends the form body to the global IAM endpoint.
    @Test func sendsTheFormBodyToTheGlobalIAMEndpoint() async throws {
        let harness = ClientHarness([respond(200, AWSSamples.iamGetRole)])
        var parameters = QueryParameters()
        parameters.set("RoleName", "sms-role")
        let result = try await harness.client.query(TestServices.iam, region: "eu-west-1", action: "GetRole",
                                                    parameters: parameters)
        #expect(result.name == "GetRoleResult")
        #expect(result.value("Role", "RoleName") == "sms-role")

        let request = try #require(harness.transport.requests.first)
        #expect(request.url.absoluteString == "https://iam.amazonaws.com/")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(request.header("User-Agent") == "smsauth/0.1.0")
        #expect(request.header("X-Amz-Target") == nil)
        #expect(request.header("X-Test-Signed") == "AKIDTEST1 us-east-1 iam 1700000000")
        #expect(String(decoding: request.body, as: UTF8.self) == "Action=GetRole&Version=2010-05-08&RoleName=sms-role")
    }

    /// Returns the root when there is no result element.
    @Test func returnsTheRootWhenThereIsNoResultElement() async throws {
        let harness = ClientHarness([respond(200, """
            <DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata>\
            <RequestId>r</RequestId></ResponseMetadata></DeleteRoleResponse>
            """)])
        let result = try await harness.client.query(TestServices.iam, region: "", action: "DeleteRole",
                                                    parameters: QueryParameters())
        #expect(result.name == "DeleteRoleResponse")
        #expect(result.value("ResponseMetadata", "RequestId") == "r")
    }

    /// Query errors become AWS errors.
    @Test func queryErrorsBecomeAWSErrors() async throws {
        let harness = ClientHarness([respond(404, AWSSamples.iamNoSuchEntity)])
        let error = await #expect(throws: AWSError.self) {
            try await harness.client.query(TestServices.iam, region: "", action: "GetRole",
                                           parameters: QueryParameters())
        }
        #expect(error?.code == "NoSuchEntity")
        #expect(error?.httpStatus == 404)
        #expect(error?.requestId == "CLhrGMOVLgyKIsRT9xJZqIN77el73g4NN9UdMyDAGW3ORAaGBk4s")
    }

    /// Malformed success bodies are decoding failures.
    @Test func malformedSuccessBodiesAreDecodingFailures() async throws {
        let harness = ClientHarness([respond(200, "<GetRoleResponse><unclosed>")])
        let error = await #expect(throws: AWSClientError.self) {
            try await harness.client.query(TestServices.iam, region: "", action: "GetRole",
                                           parameters: QueryParameters())
        }
        #expect(error?.code == "client.responseDecodingFailed")
    }
}
