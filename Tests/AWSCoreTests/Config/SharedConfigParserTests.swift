import Foundation
import Testing
@testable import AWSCore

/// A parse case: file text, kind, and the expected profiles.
struct ParseCase: CustomTestStringConvertible, Sendable {
    /// Case label.
    let name: String
    /// Which file the text is.
    let kind: SharedFileKind
    /// File text.
    let text: String
    /// Expected profiles.
    let expected: [String: [String: String]]
    /// Shown in test output.
    var testDescription: String { name }
}

/// A malformed input and the line and reason fragment expected in the error.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    /// Case label.
    let name: String
    /// File text.
    let text: String
    /// Expected line number.
    let line: Int
    /// Text the reason must contain.
    let reasonFragment: String
    /// Shown in test output.
    var testDescription: String { name }
}

/// INI parsing: valid dialect features, malformed lines with file and line.
@Suite struct SharedConfigParserTests {
    static let parseCases: [ParseCase] = [
        ParseCase(name: "config default and profile sections", kind: .config, text: """
            [default]
            region = us-east-1
            [profile dev]
            region=eu-west-1
            role_arn = arn:aws:iam::123456789012:role/dev
            """, expected: ["default": ["region": "us-east-1"],
                            "dev": ["region": "eu-west-1", "role_arn": "arn:aws:iam::123456789012:role/dev"]]),
        ParseCase(name: "config ignores non-profile sections", kind: .config, text: """
            [sso-session corp]
            sso_region = us-east-1
            [dev]
            region = x
            [profile  spaced  ]
            region = y
            """, expected: ["spaced": ["region": "y"]]),
        ParseCase(name: "credentials sections are profile names as written", kind: .credentials, text: """
            [default]
            aws_access_key_id = AKIADEFAULT
            [profile dev]
            aws_access_key_id = AKIALITERAL
            """, expected: ["default": ["aws_access_key_id": "AKIADEFAULT"],
                            "profile dev": ["aws_access_key_id": "AKIALITERAL"]]),
        ParseCase(name: "comments, blank lines, CRLF, colon delimiter, upper-case keys", kind: .credentials,
                  text: "# top\r\n\r\n[a] ; trailing comment\r\n  ; indented comment\r\nAWS_Access_Key_ID: AKIA\r\n"
                      + "region =  us-west-2  \r\n",
                  expected: ["a": ["aws_access_key_id": "AKIA", "region": "us-west-2"]]),
        ParseCase(name: "continuation lines and empty values", kind: .config, text: """
            [default]
            s3 =
              max_concurrent_requests = 10
            region =
            """, expected: ["default": ["s3": "\nmax_concurrent_requests = 10", "region": ""]]),
        ParseCase(name: "repeated sections merge, later values win", kind: .credentials, text: """
            [a]
            x = 1
            y = 1
            [b]
            [a]
            y = 2
            """, expected: ["a": ["x": "1", "y": "2"], "b": [:]]),
        ParseCase(name: "quoted profile name and value with equals sign", kind: .config, text: """
            [profile "my team"]
            endpoint_url = http://127.0.0.1:4566/?a=b
            """, expected: ["my team": ["endpoint_url": "http://127.0.0.1:4566/?a=b"]]),
    ]

    @Test(arguments: parseCases)
    func parsesValidFiles(_ testCase: ParseCase) throws {
        let parsed = try SharedConfigParser(path: "/f", kind: testCase.kind).parse(testCase.text)
        #expect(parsed == testCase.expected)
    }

    static let malformedCases: [MalformedCase] = [
        MalformedCase(name: "key before any section", text: "region = x\n[default]", line: 1,
                      reasonFragment: "before the first [section]"),
        MalformedCase(name: "line without delimiter", text: "[default]\n\naws_secret_access_key SECRETVALUE\n", line: 3,
                      reasonFragment: "expected 'key = value'"),
        MalformedCase(name: "unclosed header", text: "[default]\nregion = x\n[profile dev\n", line: 3,
                      reasonFragment: "no closing ']'"),
        MalformedCase(name: "empty header", text: "[ ]\n", line: 1, reasonFragment: "empty section name"),
        MalformedCase(name: "text after header", text: "[default] extra\n", line: 1,
                      reasonFragment: "unexpected text after section header"),
        MalformedCase(name: "missing key", text: "[default]\n = value\n", line: 2, reasonFragment: "missing key"),
        MalformedCase(name: "profile without name", text: "[profile ]\n", line: 1,
                      reasonFragment: "profile section without a profile name"),
    ]

    @Test(arguments: malformedCases)
    func malformedLinesNameFileAndLine(_ testCase: MalformedCase) {
        #expect {
            try SharedConfigParser(path: "/home/u/.aws/config", kind: .config).parse(testCase.text)
        } throws: { error in
            guard case let SharedConfigError.malformedLine(file, line, reason)? = error as? SharedConfigError else {
                return false
            }
            let message = (error as? SharedConfigError)?.message ?? ""
            return file == "/home/u/.aws/config" && line == testCase.line && reason.contains(testCase.reasonFragment)
                && message.hasPrefix("/home/u/.aws/config:\(testCase.line): ") && !message.contains("SECRETVALUE")
        }
    }

    @Test func malformedLineErrorHasStableCode() {
        let error = SharedConfigError.malformedLine(file: "f", line: 2, reason: "r")
        #expect(error.code == "config.malformedLine")
        #expect(SharedConfigError.unreadableFile(file: "f", reason: "r").code == "config.unreadableFile")
    }
}
