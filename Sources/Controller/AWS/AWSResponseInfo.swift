import AWSCore
import Foundation

/// What an AWS response says about the call: its error code and request id, read without decoding the answer.
public enum AWSResponseInfo {
    /// `OK` for 2xx; else the `x-amzn-ErrorType` header, the JSON `__type`, or the XML `<Code>`; else `HTTP<status>`.
    public static func errorCode(_ response: HTTPResponse) -> String {
        guard !(200..<300).contains(response.status) else { return "OK" }
        if let header = response.header("x-amzn-ErrorType"), let code = header.split(separator: ":").first {
            return String(code)
        }
        let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
        if let type = between(text, "\"__type\":\"", "\"") ?? between(text, "\"__type\": \"", "\"") {
            return String(type.split(separator: "#").last ?? Substring(type))
        }
        return between(text, "<Code>", "</Code>") ?? "HTTP\(response.status)"
    }

    /// The request id header, if any.
    public static func requestId(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    }

    /// The text between the first `start` and the next `end`.
    private static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let lower = text.range(of: start),
              let upper = text.range(of: end, range: lower.upperBound..<text.endIndex) else { return nil }
        let value = String(text[lower.upperBound..<upper.lowerBound])
        return value.isEmpty ? nil : value
    }
}
