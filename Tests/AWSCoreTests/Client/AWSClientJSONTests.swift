import Foundation
import Testing
@testable import AWSCore

/// `DescribeUserPoolRequest` with an optional member that must be omitted.
private struct DescribeUserPoolInput: Codable, Sendable {
    var userPoolId: String
    var clientToken: String?
}

/// A slice of `DescribeUserPoolResponse`.
private struct DescribeUserPoolOutput: Codable, Sendable {
    /// A slice of `UserPoolType`.
    struct UserPool: Codable, Sendable {
        var id: String
        var creationDate: Date
    }
    var userPool: UserPool
}

/// Tests of AWSClientJSON.
@Suite struct AWSClientJSONTests {
    /// Sends the JSON request shape and decodes the answer.
    @Test func sendsTheJSONRequestShapeAndDecodesTheAnswer() async throws {
        let harness = ClientHarness([respond(200, AWSSamples.cognitoDescribeUserPool)],
                                    environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        let output = try await harness.client.json(
            TestServices.cognito, region: "eu-west-1", operation: "DescribeUserPool",
            input: DescribeUserPoolInput(userPoolId: "eu-west-1_abc"), as: DescribeUserPoolOutput.self)
        #expect(output.userPool.id == "eu-west-1_eaf923b6a9ab4f16b144aa7a0bc37a68")
        #expect(output.userPool.creationDate == Date(timeIntervalSince1970: 1_700_000_000))

        let request = try #require(harness.transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:5000/")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.header("X-Amz-Target") == "AWSCognitoIdentityProviderService.DescribeUserPool")
        #expect(request.header("User-Agent") == "smsauth/0.1.0")
        #expect(request.header("X-Test-Signed") == "AKIDTEST1 eu-west-1 cognito-idp 1700000000")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"UserPoolId":"eu-west-1_abc"}"#)
    }

    /// A `JSONValue` input is sent as `AWSJSON.encoder` writes it, whether `JSONWriter` writes it (whole numbers) or
    /// leaves it to the encoder (a fraction).
    @Test(arguments: [JSONValue.number(60), .number(0.5)])
    func aJSONValueInputIsSentAsTheEncoderWritesIt(_ limit: JSONValue) async throws {
        let harness = ClientHarness([respond(200, "{}")])
        let input: JSONValue = ["UserPoolId": "eu-west-1_abc/x", "MaxResults": limit, "Filter": .null]
        _ = try await harness.client.json(TestServices.cognito, region: "eu-west-1", operation: "ListUserPoolClients",
                                          input: input, as: EmptyOutput.self)
        let request = try #require(harness.transport.requests.first)
        #expect(request.body == (try AWSJSON.encoder.encode(input)))
        #expect(String(decoding: request.body, as: UTF8.self).hasPrefix(#"{"Filter":null,"MaxResults":"#))
    }

    /// Uses the default endpoint and JSON 1.0 for SMS Voice.
    @Test func usesTheDefaultEndpointAndJSON10ForSMSVoice() async throws {
        let harness = ClientHarness([respond(200, "{}")])
        _ = try await harness.client.json(TestServices.smsVoice, region: "eu-central-1",
                                          operation: "DescribeAccountAttributes", input: EmptyOutput(),
                                          as: EmptyOutput.self)
        let request = try #require(harness.transport.requests.first)
        #expect(request.url.absoluteString == "https://sms-voice.eu-central-1.amazonaws.com/")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(request.header("X-Amz-Target") == "PinpointSMSVoiceV2.DescribeAccountAttributes")
        #expect(request.header("X-Test-Signed")?.hasSuffix("eu-central-1 sms-voice 1700000000") == true)
        #expect(String(decoding: request.body, as: UTF8.self) == "{}")
    }

    /// Empty body decodes as empty output.
    @Test func emptyBodyDecodesAsEmptyOutput() async throws {
        let harness = ClientHarness([respond(200, "")])
        let output = try await harness.client.json(TestServices.cognito, region: "eu-west-1",
                                                   operation: "DeleteUserPool", input: EmptyOutput(),
                                                   as: EmptyOutput.self)
        #expect(output == EmptyOutput())
    }

    /// Service errors become AWS errors.
    @Test func serviceErrorsBecomeAWSErrors() async throws {
        let harness = ClientHarness([respond(400, AWSSamples.unrecognizedClient,
                                             headers: [HTTPHeader("x-amzn-RequestId", "req-1")])])
        let error = await #expect(throws: AWSError.self) {
            try await harness.client.json(TestServices.cognito, region: "eu-west-1", operation: "DescribeUserPool",
                                          input: DescribeUserPoolInput(userPoolId: "x"), as: EmptyOutput.self)
        }
        #expect(error == AWSError(service: "cognito-idp", operation: "DescribeUserPool",
                                  code: "UnrecognizedClientException",
                                  message: "The security token included in the request is invalid.",
                                  httpStatus: 400, requestId: "req-1"))
        #expect(harness.transport.requests.count == 1)
    }

    /// Undecodable answers name the operation and not the body.
    @Test func undecodableAnswersNameTheOperationAndNotTheBody() async throws {
        let harness = ClientHarness([respond(200, #"{"UserPool":{"Id":"secret-looking-value"}}"#)])
        let error = await #expect(throws: AWSClientError.self) {
            try await harness.client.json(TestServices.cognito, region: "eu-west-1", operation: "DescribeUserPool",
                                          input: DescribeUserPoolInput(userPoolId: "x"),
                                          as: DescribeUserPoolOutput.self)
        }
        #expect(error?.code == "client.responseDecodingFailed")
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("DescribeUserPool"))
        #expect(text.contains("creationDate"))
        #expect(!text.contains("secret-looking-value"))
    }

    /// Wrong protocol is a client error.
    @Test func wrongProtocolIsAClientError() async throws {
        let harness = ClientHarness([respond(200, "{}")])
        await #expect(throws: AWSClientError.wrongProtocol(service: "sns", operation: "Publish")) {
            try await harness.client.json(TestServices.sns, region: "eu-west-1", operation: "Publish",
                                          input: EmptyOutput(), as: EmptyOutput.self)
        }
        #expect(harness.transport.requests.isEmpty)
    }
}
