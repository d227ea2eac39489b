import Foundation

/// A failure of the client itself (not of the service and not of the network). Messages never contain request or
/// response bodies, which can hold secrets.
public enum AWSClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operation was called with a method for another wire protocol (e.g. `json` on a query service).
    case wrongProtocol(service: String, operation: String)
    /// The input could not be encoded; `reason` names the coding path, never the value.
    case requestEncodingFailed(service: String, operation: String, reason: String)
    /// A successful response could not be decoded; `reason` names the coding path or the XML position.
    case responseDecodingFailed(service: String, operation: String, reason: String)

    /// Stable code.
    public var code: String {
        switch self {
        case .wrongProtocol: "client.wrongProtocol"
        case .requestEncodingFailed: "client.requestEncodingFailed"
        case .responseDecodingFailed: "client.responseDecodingFailed"
        }
    }

    /// `service:Operation: Code: reason`.
    public var description: String {
        switch self {
        case .wrongProtocol(let service, let operation):
            "\(service):\(operation): \(code): the operation was called with the other wire protocol"
        case .requestEncodingFailed(let service, let operation, let reason),
             .responseDecodingFailed(let service, let operation, let reason):
            "\(service):\(operation): \(code): \(reason)"
        }
    }

    /// Describes a coding error by path and the coder's explanation only (values are left out: they may be secret).
    static func describe(_ error: any Error) -> String {
        if let error = error as? EncodingError, case .invalidValue(_, let context) = error {
            return describe(context)
        }
        if let error = error as? XMLParseError { return error.description }
        guard let error = error as? DecodingError else { return String(describing: type(of: error)) }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return describe(context)
        case .keyNotFound(let key, let context):
            return "missing key \(key.stringValue) at \(path(context.codingPath))"
        @unknown default:
            return "undecodable response"
        }
    }

    /// `at <path>: <explanation>`.
    private static func describe(_ context: EncodingError.Context) -> String {
        "at \(path(context.codingPath)): \(context.debugDescription)"
    }

    /// `at <path>: <explanation>`.
    private static func describe(_ context: DecodingError.Context) -> String {
        "at \(path(context.codingPath)): \(context.debugDescription)"
    }

    /// A coding path as `A.B[0].C`, or `<root>`.
    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "<root>" }
        return codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }.joined(separator: ".")
    }
}
