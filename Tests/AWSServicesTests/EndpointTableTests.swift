import AWSCore
import AWSServices
import Foundation
import Testing

/// The default endpoints of every service smsauth calls, per partition and FIPS / dual-stack variant, against
/// botocore's endpoint rules (`scripts/endpoints/generate.py`).
@Suite struct EndpointTableTests {
    /// The services smsauth calls, by endpoint prefix.
    static let services: [String: ServiceDescriptor] = Dictionary(uniqueKeysWithValues: [
        ServiceDescriptor.cognitoIdentityProvider, .iam, .sts, .sns, .pinpointSMSVoiceV2, .ssm, .secretsManager, .s3,
    ].map { ($0.endpointPrefix, $0) })

    /// The repository root (for the generator script).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Python that has the project's pinned botocore: the emulator's (`SMSAUTH_EMULATOR_PYTHON`, exported by
    /// scripts/lib.sh's `start_emulator`), else `python3` from PATH.
    static let python = ProcessInfo.processInfo.environment["SMSAUTH_EMULATOR_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether python3 with botocore is installed (the generator's only requirement).
    static let botocoreInstalled = (try? runBlocking(["-c", "import botocore"])) != nil

    /// Resolves with the FIPS and dual-stack switches set through the environment.
    static func resolve(_ service: ServiceDescriptor, _ region: String, fips: Bool = false, dualStack: Bool = false,
                        environment: [String: String] = [:], profileFIPS: String? = nil,
                        profileDualStack: String? = nil) throws(EndpointError) -> ResolvedEndpoint {
        var environment = environment
        if fips { environment["AWS_USE_FIPS_ENDPOINT"] = "true" }
        if dualStack { environment["AWS_USE_DUALSTACK_ENDPOINT"] = "true" }
        return try EndpointResolver(environment: environment, profileUseFIPSEndpoint: profileFIPS,
                                    profileUseDualStackEndpoint: profileDualStack).resolve(service, region: region)
    }

    /// The cases the product most depends on, written out: GovCloud and China endpoints, IAM's global endpoint and
    /// signing region per partition, FIPS and dual-stack.
    @Test(arguments: [
        ("cognito-idp", "us-gov-west-1", false, false, "cognito-idp.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
        ("cognito-idp", "cn-north-1", false, false, "cognito-idp.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("cognito-idp", "eu-west-1", true, false, "cognito-idp-fips.eu-west-1.amazonaws.com", "eu-west-1"),
        ("iam", "eu-west-1", false, false, "iam.amazonaws.com", "us-east-1"),
        ("iam", "us-gov-east-1", false, false, "iam.us-gov.amazonaws.com", "us-gov-west-1"),
        ("iam", "cn-northwest-1", false, false, "iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("iam", "us-east-1", true, false, "iam-fips.amazonaws.com", "us-east-1"),
        ("iam", "us-east-1", false, true, "iam.global.api.aws", "us-east-1"),
        ("sts", "us-gov-west-1", true, false, "sts.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
        ("sts", "eu-west-1", false, true, "sts.eu-west-1.api.aws", "eu-west-1"),
        ("sms-voice", "cn-north-1", false, false, "sms-voice.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("s3", "eu-west-1", true, true, "s3-fips.dualstack.eu-west-1.amazonaws.com", "eu-west-1"),
    ])
    func knownEndpoints(service: String, region: String, fips: Bool, dualStack: Bool, host: String,
                        signingRegion: String) throws {
        let endpoint = try Self.resolve(try #require(Self.services[service]), region, fips: fips, dualStack: dualStack)
        #expect(endpoint.url.absoluteString == "https://\(host)")
        #expect(endpoint.signingRegion == signingRegion)
        #expect(!endpoint.isConfigured)
    }

    /// Region → partition, as botocore decides it (listed regions, then the pattern, then `aws`).
    @Test(arguments: [("us-gov-west-1", "aws-us-gov"), ("cn-north-1", "aws-cn"), ("eu-west-1", "aws"),
                      ("eu-west-9", "aws"), ("cn-south-7", "aws-cn"), ("moon-base-1", "aws")])
    func partitions(region: String, partition: String) {
        #expect(EndpointTable.partition(of: region).id == partition)
    }

    /// The environment variable wins over the profile; only true/false are accepted; S3 has no FIPS in China.
    @Test func switchesAndTheirErrors() throws {
        let cognito = ServiceDescriptor.cognitoIdentityProvider
        #expect(try Self.resolve(cognito, "us-gov-west-1", profileDualStack: "true").url.host
                == "cognito-idp.us-gov-west-1.api.aws")
        #expect(try Self.resolve(cognito, "us-gov-west-1", environment: ["AWS_USE_DUALSTACK_ENDPOINT": "false"],
                                 profileDualStack: "true").url.host == "cognito-idp.us-gov-west-1.amazonaws.com")
        #expect(try Self.resolve(cognito, "us-east-1", profileFIPS: "TRUE").url.host == "cognito-idp-fips.us-east-1.amazonaws.com")
        #expect(throws: EndpointError.invalidSetting(source: "AWS_USE_FIPS_ENDPOINT", value: "yes")) {
            try Self.resolve(cognito, "us-east-1", environment: ["AWS_USE_FIPS_ENDPOINT": "yes"])
        }
        #expect(throws: EndpointError.unsupportedVariant(service: "s3", region: "cn-north-1", variant: "FIPS")) {
            try Self.resolve(.s3, "cn-north-1", fips: true)
        }
        let overridden = try Self.resolve(.iam, "us-gov-west-1", fips: true,
                                          environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        #expect(overridden.url.absoluteString == "http://127.0.0.1:5000")
        #expect(overridden.signingRegion == "us-gov-west-1")
    }

    /// Every service, every listed region of every partition, every variant: the resolver answers what botocore's
    /// endpoint rules answer.
    @Test(.enabled(if: botocoreInstalled, "needs python3 with botocore"))
    func everyCaseMatchesBotocore() async throws {
        let lines = try await Self.run([Self.root.appendingPathComponent("scripts/endpoints/generate.py").path, "--cases"])
            .split(separator: "\n")
        #expect(lines.count > 1000)
        for line in lines {
            let field = line.split(separator: "\t").map(String.init)
            let service = try #require(Self.services[field[0]])
            let expected = field[4] == "-" ? "unsupported" : "https://\(field[4]) \(field[5])"
            let resolved = Result { try Self.resolve(service, field[1], fips: field[2] == "true", dualStack: field[3] == "true") }
            #expect(Self.describe(resolved) == expected, "\(line)")
        }
    }

    /// `https://host signing-region`, `unsupported` for a missing variant, else the error.
    static func describe(_ result: Result<ResolvedEndpoint, any Error>) -> String {
        switch result {
        case .success(let endpoint): "\(endpoint.url.absoluteString) \(endpoint.signingRegion)"
        case .failure(let error): (error as? EndpointError)?.code == "config.unsupportedEndpointVariant" ? "unsupported" : "\(error)"
        }
    }

    /// The checked-in table is what the generator writes from the installed botocore.
    @Test(.enabled(if: botocoreInstalled, "needs python3 with botocore"))
    func checkedInTableIsCurrent() async throws {
        let generated = try await Self.run([Self.root.appendingPathComponent("scripts/endpoints/generate.py").path])
        let checkedIn = try String(contentsOf: Self.root.appendingPathComponent(
            "Sources/AWSCore/Config/EndpointTable+Generated.swift"), encoding: .utf8)
        #expect(generated == checkedIn, "regenerate with scripts/endpoints/generate.py (see its header)")
    }

    /// `runBlocking` on a Dispatch thread, so the wait never holds one of Swift concurrency's few shared threads
    /// (on a 2-core machine two blocked threads stall every other test).
    static func run(_ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try runBlocking(arguments) }) }
        }
    }

    /// Runs the pinned Python (`python`, else python3) with `arguments`; its standard output, or an error when it fails.
    static func runBlocking(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/env")
        process.arguments = (python == nil ? ["python3"] : []) + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }
}
