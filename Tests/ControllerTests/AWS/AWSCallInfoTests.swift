import AWSCore
import Foundation
import Testing

@testable import Controller

/// Reading service, operation, category and error code off signed requests and raw answers.
@Suite("AWSCallInfo")
struct AWSCallInfoTests {
    /// A signed-looking request for `service` with `target` (JSON) or `body` (query).
    static func request(service: String, target: String? = nil, body: String = "") -> HTTPRequest {
        var headers = [HTTPHeader("Authorization",
                                  "AWS4-HMAC-SHA256 Credential=AKID/20260102/eu-west-1/\(service)/aws4_request, "
                                  + "SignedHeaders=host, Signature=abc")]
        if let target { headers.append(HTTPHeader("X-Amz-Target", target)) }
        return HTTPRequest(method: "POST", url: URL(fileURLWithPath: "/"), headers: headers, body: Data(body.utf8))
    }

    @Test(arguments: [
        (request(service: "cognito-idp", target: "AWSCognitoIdentityProviderService.DescribeUserPool"),
         "cognito-idp", "DescribeUserPool", "cognito-idp:UserPoolRead"),
        (request(service: "cognito-idp", target: "AWSCognitoIdentityProviderService.UpdateUserPoolClient"),
         "cognito-idp", "UpdateUserPoolClient", "cognito-idp:UserPoolClientUpdate"),
        (request(service: "cognito-idp", target: "AWSCognitoIdentityProviderService.AdminGetUser"),
         "cognito-idp", "AdminGetUser", "cognito-idp:default"),
        (request(service: "iam", body: "Action=GetRole&Version=2010-05-08&RoleName=r"), "iam", "GetRole", "iam:default"),
        (request(service: "sms-voice", target: "PinpointSMSVoiceV2.DescribePhoneNumbers"),
         "sms-voice", "DescribePhoneNumbers", "sms-voice:default"),
    ])
    func classifies(request: HTTPRequest, service: String, operation: String, category: String) {
        let info = AWSCallInfo(request: request)
        #expect(info.service == service)
        #expect(info.operation == operation)
        #expect(info.category == category)
    }

    @Test(arguments: [
        (HTTPResponse(status: 200), "OK"),
        (HTTPResponse(status: 400, headers: [HTTPHeader("x-amzn-ErrorType", "TooManyRequestsException:http://x")]),
         "TooManyRequestsException"),
        (HTTPResponse(status: 400, body: Data(#"{"__type":"com.amazon#ResourceNotFoundException","message":"m"}"#.utf8)),
         "ResourceNotFoundException"),
        (HTTPResponse(status: 400, body: Data("<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>".utf8)),
         "Throttling"),
        (HTTPResponse(status: 503), "HTTP503"),
    ])
    func errorCodes(response: HTTPResponse, code: String) {
        #expect(AWSResponseInfo.errorCode(response) == code)
    }
}
