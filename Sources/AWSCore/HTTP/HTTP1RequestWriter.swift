import Foundation
import NIOCore

/// A request as it goes on the wire: method, target and headers in order (`Host` and `Content-Length` included).
struct HTTP1RequestHead: Equatable {
    let method: String
    /// The origin-form target: path and query.
    let target: String
    let headers: [HTTPHeader]
}

/// Writes an HTTP/1.1 request (RFC 9112) into one buffer: the request line, the header lines, an empty line, the
/// body. Refuses, before anything is sent, a method or header name that is not a token, a header value with a control
/// character other than tab (a line break in a value would start a header of its own), and a target with a space, a
/// control character or a byte outside ASCII. Errors name the header, never its value.
enum HTTP1RequestWriter {
    /// The bytes of `head` and `body`.
    static func bytes(of head: HTTP1RequestHead, body: Data) throws(HTTP1ClientError) -> ByteBuffer {
        guard !head.method.isEmpty, head.method.utf8.allSatisfy(HTTP1Syntax.isTokenByte) else {
            throw .invalidRequestHeader("a method that is not a token")
        }
        guard !head.target.isEmpty, head.target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidRequestHeader("a target with a space, a control character or a byte outside ASCII")
        }
        var size = head.method.utf8.count + head.target.utf8.count + 14 + body.count
        for header in head.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(HTTP1Syntax.isTokenByte) else {
                throw .invalidRequestHeader(
                    "a header name with a character other than letters, digits and !#$%&'*+-.^_`|~")
            }
            guard header.value.utf8.allSatisfy(HTTP1Syntax.isFieldValueByte) else {
                throw .invalidRequestHeader("the value of \(header.name) has a line break or control character")
            }
            size += header.name.utf8.count + header.value.utf8.count + 4
        }
        var buffer = ByteBufferAllocator().buffer(capacity: size)
        buffer.writeString(head.method)
        buffer.writeStaticString(" ")
        buffer.writeString(head.target)
        buffer.writeStaticString(" HTTP/1.1\r\n")
        for header in head.headers {
            buffer.writeString(header.name)
            buffer.writeStaticString(": ")
            buffer.writeString(header.value)
            buffer.writeStaticString("\r\n")
        }
        buffer.writeStaticString("\r\n")
        buffer.writeBytes(body)
        return buffer
    }
}
