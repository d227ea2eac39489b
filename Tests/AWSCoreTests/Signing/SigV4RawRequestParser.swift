import Foundation

@testable import AWSCore

/// Parses the raw `.req` files of the AWS SigV4 test suite into `SigV4Input`.
///
/// The files are not always valid HTTP: the request target may hold raw spaces or non-ASCII (`get-space`,
/// `get-utf8`), so the target is everything between the method and the final ` HTTP/1.1`. A header line starting
/// with whitespace continues the previous header; the suite expects each continuation line to count as another
/// value of that header (`get-header-value-multiline` joins them with `,`), so it becomes a separate entry.
enum SigV4RawRequestParser {
    /// The protocol suffix of every request line in the suite.
    private static let versionSuffix = " HTTP/1.1"

    /// Parses `text` (lines separated by `\n`, optional `\r` before it).
    static func parse(_ text: String) throws -> SigV4Input {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        guard !lines.isEmpty else { throw SigV4SuiteError.badRequestLine("") }
        let requestLine = lines.removeFirst()
        guard let space = requestLine.firstIndex(of: " "), requestLine.hasSuffix(versionSuffix) else {
            throw SigV4SuiteError.badRequestLine(requestLine)
        }
        let method = String(requestLine[..<space])
        let target = requestLine[requestLine.index(after: space)...].dropLast(versionSuffix.count)
        let path: Substring
        let query: Substring
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target
            query = ""
        }

        var headers: [HTTPHeader] = []
        while let line = lines.first, !line.isEmpty {
            lines.removeFirst()
            if line.first == " " || line.first == "\t" {
                guard let previous = headers.last else { throw SigV4SuiteError.badHeaderLine(line) }
                headers.append(HTTPHeader(previous.name, line.trimmingCharacters(in: .whitespaces)))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw SigV4SuiteError.badHeaderLine(line) }
            headers.append(HTTPHeader(String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        let body = lines.dropFirst().joined(separator: "\n")
        return SigV4Input(
            method: method, path: String(path), query: String(query), headers: headers, body: Data(body.utf8))
    }
}
