import AWSCore
import Foundation
import Testing

@testable import Controller

/// Reading the error code off raw answers.
@Suite("AWSResponseInfo")
struct AWSResponseInfoTests {
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
