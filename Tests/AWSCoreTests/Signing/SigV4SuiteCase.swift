import Foundation

@testable import AWSCore

/// Why a test-suite file could not be read.
enum SigV4SuiteError: Error, Equatable, CustomStringConvertible {
    /// A case file is missing or unreadable.
    case unreadable(path: String)
    /// The `.req` file's first line is not `METHOD TARGET HTTP/1.1`.
    case badRequestLine(String)
    /// A `.req` header line has no `:` or continues no header.
    case badHeaderLine(String)
    /// The `.sreq` file has no `Authorization` line.
    case noAuthorizationLine(caseName: String)

    /// Stable code.
    var code: String {
        switch self {
        case .unreadable: "suite.unreadable"
        case .badRequestLine: "suite.bad_request_line"
        case .badHeaderLine: "suite.bad_header_line"
        case .noAuthorizationLine: "suite.no_authorization_line"
        }
    }

    /// Human-readable description.
    var description: String {
        switch self {
        case .unreadable(let path): "\(code): cannot read \(path)"
        case .badRequestLine(let line): "\(code): \(line)"
        case .badHeaderLine(let line): "\(code): \(line)"
        case .noAuthorizationLine(let name): "\(code): \(name).sreq"
        }
    }
}

/// One case of the AWS SigV4 test suite: a folder `NAME/` holding `NAME.req`, `.creq`, `.sts`, `.authz`, `.sreq`.
struct SigV4SuiteCase {
    /// Fixed parameters every case is signed with (from the suite's README).
    enum Fixture {
        /// Signing region.
        static let region = "us-east-1"
        /// Signing service name.
        static let service = "service"
        /// 2015-08-30T12:36:00Z.
        static let date = Date(timeIntervalSince1970: 1_440_938_160)
        /// Example secret access key published with the suite.
        static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        /// Example long-term credentials.
        static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: secretAccessKey)
    }

    /// Folder of the suite: `<project root>/../shared/testdata/aws-sig-v4-test-suite`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Signing
        .deletingLastPathComponent()  // AWSCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // project root
        .appendingPathComponent("../shared/testdata/aws-sig-v4-test-suite")
        .standardizedFileURL

    /// Case names relative to `root` (e.g. `get-vanilla`, `normalize-path/get-space`), found recursively, sorted.
    /// Empty when the suite folder is missing; `SigV4SuiteTests.suiteIsComplete` fails in that case.
    static func discoverNames() -> [String] {
        let keys: [URLResourceKey] = [.isDirectoryKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [] }
        var names: [String] = []
        let rootPath = root.path + "/"
        for case let url as URL in walker where (try? url.resourceValues(forKeys: Set(keys)).isDirectory) == true {
            let request = url.appendingPathComponent(url.lastPathComponent + ".req")
            guard FileManager.default.fileExists(atPath: request.path) else { continue }
            let path = url.standardizedFileURL.path
            names.append(path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path)
        }
        return names.sorted()
    }

    /// Case name relative to the suite root.
    let name: String
    /// The request, parsed from `.req`.
    let input: SigV4Input
    /// Expected canonical request (`.creq`).
    let canonicalRequest: String
    /// Expected string to sign (`.sts`).
    let stringToSign: String
    /// Expected `Authorization` value (`.authz`).
    let authorization: String
    /// The `Authorization` value in the expected signed request (`.sreq`).
    let signedRequestAuthorization: String

    /// Loads case `name` from the suite folder.
    init(name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        let base = folder.appendingPathComponent(folder.lastPathComponent)
        func read(_ ext: String) throws -> String {
            let url = base.appendingPathExtension(ext)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SigV4SuiteError.unreadable(path: url.path)
            }
            return String(decoding: data, as: UTF8.self)
        }
        self.name = name
        input = try SigV4RawRequestParser.parse(try read("req"))
        canonicalRequest = try read("creq")
        stringToSign = try read("sts")
        authorization = try read("authz")
        let prefix = "Authorization:"
        guard let line = try read("sreq").split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else {
            throw SigV4SuiteError.noAuthorizationLine(caseName: name)
        }
        signedRequestAuthorization = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }
}
