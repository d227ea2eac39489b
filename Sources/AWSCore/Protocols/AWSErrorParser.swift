import Foundation

/// Turns a non-2xx response into an `AWSError`, for either wire format. Never fails: a body that cannot be read
/// gives the code `HTTP<status>`. Only code, message and request id are taken from the body.
enum AWSErrorParser {
    /// Parses a JSON 1.0/1.1 error: code from `__type` (or the `x-amzn-ErrorType` header, or `code`), with any
    /// `namespace#` prefix and `:`-suffix removed; message from `message` or `Message`.
    static func json(_ response: HTTPResponse, service: String, operation: String) -> AWSError {
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        let rawCode = [object["__type"] as? String, response.header("x-amzn-ErrorType"), object["code"] as? String]
            .compactMap { $0 }
            .first { !$0.isEmpty }
        let message = (object["message"] as? String) ?? (object["Message"] as? String)
        return makeError(response, service: service, operation: operation, code: rawCode.map(normalizedCode),
                         message: message, bodyRequestId: nil)
    }

    /// Parses a query-protocol error: `<ErrorResponse><Error><Code/><Message/></Error><RequestId/>` or the
    /// `<Response><Errors><Error>…</Error></Errors><RequestID/>` variant.
    static func query(_ response: HTTPResponse, service: String, operation: String) -> AWSError {
        let root = try? XMLElement.parse(response.body)
        let error = root?.element(["Error"]) ?? root?.element(["Errors", "Error"])
        let requestId = root?.value("RequestId") ?? root?.value("RequestID")
        return makeError(response, service: service, operation: operation,
                         code: error?.value("Code").map(normalizedCode), message: error?.value("Message"),
                         bodyRequestId: requestId)
    }

    /// Parses a REST-XML (S3) error: `<Error><Code/><Message/><RequestId/>…</Error>`; the other child elements and
    /// the `x-amz-bucket-region` header go to `details`. A body-less answer (HEAD) gives `HTTP<status>`.
    static func restXML(_ response: HTTPResponse, service: String, operation: String) -> AWSError {
        let root = try? XMLElement.parse(response.body)
        let error = root?.name == "Error" ? root : root?.child("Error")
        var details: [String: String] = [:]
        for child in error?.children ?? [] where !["Code", "Message", "RequestId"].contains(child.name) {
            details[child.name] = child.text
        }
        if let region = response.header("x-amz-bucket-region") { details["BucketRegion"] = region }
        var parsed = makeError(response, service: service, operation: operation,
                               code: error?.value("Code").map(normalizedCode), message: error?.value("Message"),
                               bodyRequestId: error?.value("RequestId"))
        parsed.details = details
        return parsed
    }

    /// `code` without a `namespace#` prefix or a `:`-suffix, whitespace trimmed.
    static func normalizedCode(_ code: String) -> String {
        var text = Substring(code)
        if let hash = text.lastIndex(of: "#") { text = text[text.index(after: hash)...] }
        if let colon = text.firstIndex(of: ":") { text = text[..<colon] }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The request id the service sent in a header, if any.
    static func headerRequestId(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    }

    /// Assembles the error, falling back to `HTTP<status>` when no code was found.
    private static func makeError(_ response: HTTPResponse, service: String, operation: String, code: String?,
                                  message: String?, bodyRequestId: String?) -> AWSError {
        let requestId = headerRequestId(response) ?? bodyRequestId
        guard let code, !code.isEmpty else {
            return AWSError(service: service, operation: operation, code: "HTTP\(response.status)",
                            message: message ?? "the service answered HTTP \(response.status) without an AWS error body",
                            httpStatus: response.status, requestId: requestId)
        }
        return AWSError(service: service, operation: operation, code: code, message: message ?? "",
                        httpStatus: response.status, requestId: requestId)
    }
}
