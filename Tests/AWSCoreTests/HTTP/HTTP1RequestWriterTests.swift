import Foundation
import Testing

@testable import AWSCore

/// A request's bytes on the wire, and the heads refused before anything is sent.
struct HTTP1RequestWriterTests {
    static func text(_ head: HTTP1RequestHead, body: String = "") throws -> String {
        let buffer = try HTTP1RequestWriter.bytes(of: head, body: Data(body.utf8))
        return String(decoding: buffer.readableBytesView, as: UTF8.self)
    }

    @Test func writesTheRequestLineHeadersInOrderAndTheBody() throws {
        let head = HTTP1RequestHead(method: "POST", target: "/?Action=GetRole&RoleName=a%2Fb", headers: [
            HTTPHeader("X-Amz-Date", "20240101T000000Z"), HTTPHeader("x-amz-meta", "a\tb é"), HTTPHeader("X-Amz-Date", "2"),
            HTTPHeader("Host", "iam.amazonaws.com"), HTTPHeader("Content-Length", "2"),
        ])
        #expect(try Self.text(head, body: "{}") == "POST /?Action=GetRole&RoleName=a%2Fb HTTP/1.1\r\n"
                + "X-Amz-Date: 20240101T000000Z\r\nx-amz-meta: a\tb é\r\nX-Amz-Date: 2\r\nHost: iam.amazonaws.com\r\n"
                + "Content-Length: 2\r\n\r\n{}")
        #expect(try Self.text(HTTP1RequestHead(method: "GET", target: "/", headers: [])) == "GET / HTTP/1.1\r\n\r\n")
    }

    /// A line break or control character in a value would write a header of its own: refused, naming the header and
    /// never showing the value; so are names and methods that are not tokens and targets with spaces.
    @Test(arguments: [
        (HTTP1RequestHead(method: "POST", target: "/", headers: [HTTPHeader("X-Amz-Security-Token", "secret\r\nX-Evil: 1")]),
         "the value of X-Amz-Security-Token has a line break or control character"),
        (HTTP1RequestHead(method: "POST", target: "/", headers: [HTTPHeader("X-A", "secret\nX-Evil: 1")]),
         "the value of X-A has a line break or control character"),
        (HTTP1RequestHead(method: "POST", target: "/", headers: [HTTPHeader("X-A", "secret\u{0}")]),
         "the value of X-A has a line break or control character"),
        (HTTP1RequestHead(method: "POST", target: "/", headers: [HTTPHeader("X-A", "secret\u{7F}")]),
         "the value of X-A has a line break or control character"),
        (HTTP1RequestHead(method: "POST", target: "/", headers: [HTTPHeader("X-A: secret", "v")]),
         "a header name with a character other than letters, digits and !#$%&'*+-.^_`|~"),
        (HTTP1RequestHead(method: "POST", target: "/", headers: [HTTPHeader("", "secret")]),
         "a header name with a character other than letters, digits and !#$%&'*+-.^_`|~"),
        (HTTP1RequestHead(method: "GET /secret", target: "/", headers: []), "a method that is not a token"),
        (HTTP1RequestHead(method: "GET", target: "/a b", headers: []),
         "a target with a space, a control character or a byte outside ASCII"),
        (HTTP1RequestHead(method: "GET", target: "/é", headers: []),
         "a target with a space, a control character or a byte outside ASCII"),
    ])
    func invalidHeadsAreRefused(head: HTTP1RequestHead, reason: String) {
        #expect(throws: HTTP1ClientError.invalidRequestHeader(reason)) {
            try HTTP1RequestWriter.bytes(of: head, body: Data())
        }
        #expect(!HTTP1ClientError.invalidRequestHeader(reason).description.contains("secret"))
    }
}
