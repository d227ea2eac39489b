import Foundation
import Testing
@testable import AWSCore

/// Tests of AWSErrorParser.
@Suite struct AWSErrorParserTests {
    /// A response with a text body.
    private static func response(_ status: Int, _ body: String, _ headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    /// Query error response.
    @Test func queryErrorResponse() {
        let error = AWSErrorParser.query(Self.response(404, AWSSamples.iamNoSuchEntity), service: "iam",
                                         operation: "GetRole")
        #expect(error == AWSError(service: "iam", operation: "GetRole", code: "NoSuchEntity",
                                  message: "Role nope not found", httpStatus: 404,
                                  requestId: "CLhrGMOVLgyKIsRT9xJZqIN77el73g4NN9UdMyDAGW3ORAaGBk4s"))
    }

    /// Query response errors variant and header request id wins.
    @Test func queryResponseErrorsVariantAndHeaderRequestIdWins() {
        let error = AWSErrorParser.query(
            Self.response(503, AWSSamples.responseErrors, [HTTPHeader("x-amzn-RequestId", "from-header")]),
            service: "sns", operation: "Publish")
        #expect(error.code == "RequestLimitExceeded")
        #expect(error.message == "Request limit exceeded.")
        #expect(error.requestId == "from-header")
    }

    /// JSON errors: __type with or without namespace, header fallback, message or Message.
    @Test(arguments: [
        (AWSSamples.cognitoNotFound, [HTTPHeader("X-Amzn-ErrorType", "ResourceNotFoundException")],
         "ResourceNotFoundException", "User pool eu-west-1_nope does not exist."),
        (AWSSamples.unrecognizedClient, [], "UnrecognizedClientException",
         "The security token included in the request is invalid."),
        (#"{"Message":"capital"}"#,
         [HTTPHeader("x-amzn-errortype", "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/")],
         "ValidationException", "capital"),
        (#"{"__type":"com.amazonaws.cognito.identity.idp.model#InvalidSmsRoleTrustRelationshipException","message":"m"}"#,
         [], "InvalidSmsRoleTrustRelationshipException", "m"),
    ])
    func jsonErrors(body: String, headers: [HTTPHeader], code: String, message: String) {
        let error = AWSErrorParser.json(
            Self.response(400, body, headers + [HTTPHeader("x-amzn-RequestId", "rid")]),
            service: "cognito-idp", operation: "DescribeUserPool")
        #expect(error.code == code)
        #expect(error.message == message)
        #expect(error.httpStatus == 400)
        #expect(error.requestId == "rid")
    }

    /// Unparseable bodies keep the status.
    @Test(arguments: [502, 500, 403])
    func unparseableBodiesKeepTheStatus(status: Int) {
        let query = AWSErrorParser.query(Self.response(status, AWSSamples.htmlServerError), service: "sns",
                                         operation: "Publish")
        let json = AWSErrorParser.json(Self.response(status, ""), service: "cognito-idp", operation: "X")
        for error in [query, json] {
            #expect(error.code == "HTTP\(status)")
            #expect(error.httpStatus == status)
            #expect(!error.message.contains("<"))
        }
    }
}
