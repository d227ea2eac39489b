import AWSCore
import Foundation
import Logging
import Synchronization
import Testing
@testable import AWSServices

/// The S3 client against scripted S3 answers: errors naming the bucket, conditions, pagination.
@Suite struct S3ClientTests {
    /// Answers from a script (the last repeats) and records the requests.
    final class ScriptedS3: HTTPTransport {
        private let state: Mutex<(answers: [HTTPResponse], requests: [HTTPRequest])>
        init(_ answers: [HTTPResponse]) { state = Mutex((answers, [])) }
        var requests: [HTTPRequest] { state.withLock { $0.requests } }
        func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
            state.withLock { state in
                state.requests.append(request)
                return state.answers.count > 1 ? state.answers.removeFirst() : state.answers[0]
            }
        }
    }

    static func s3(_ transport: ScriptedS3) -> S3 {
        let client = AWSClient(credentials: FixedCredentials(value: AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret")), endpoints: EndpointResolver(environment: [:]), transport: transport,
                               signer: SigV4Signer(), retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)),
                               sleep: { _ in }, logger: Logger(label: "test"))
        return S3(client: client, region: "us-east-1")
    }

    static func error(_ status: Int, _ code: String, extra: String = "", headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers + [HTTPHeader("x-amz-request-id", "R1")], body: Data(
            "<?xml version=\"1.0\"?><Error><Code>\(code)</Code><Message>m</Message>\(extra)<RequestId>R1</RequestId></Error>".utf8))
    }

    @Test func getReturnsBodyAndETagAndNilForAMissingKey() async throws {
        let transport = ScriptedS3([HTTPResponse(status: 200, headers: [HTTPHeader("ETag", "\"e1\"")], body: Data("x".utf8)),
                                    Self.error(404, "NoSuchKey")])
        let s3 = Self.s3(transport)
        #expect(try await s3.getObject(bucket: "state-bucket", key: "p/state.json") == S3.Object(data: Data("x".utf8), etag: "\"e1\""))
        #expect(try await s3.getObject(bucket: "state-bucket", key: "p/state.json") == nil)
        let first = transport.requests[0]
        #expect(first.url.absoluteString == "https://state-bucket.s3.us-east-1.amazonaws.com/p/state.json")
        #expect(first.header("x-amz-content-sha256") != nil)
    }

    @Test func conditionsAreSentAndFailuresAreTyped() async throws {
        let transport = ScriptedS3([Self.error(412, "PreconditionFailed", extra: "<Condition>If-None-Match</Condition>")])
        let s3 = Self.s3(transport)
        await #expect(throws: S3Error.preconditionFailed(bucket: "state-bucket", key: "lock.json")) {
            try await s3.putObject(bucket: "state-bucket", key: "lock.json", data: Data(), condition: .ifNoneMatch)
        }
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].header("If-None-Match") == "*")
    }

    /// S3 answers `If-Match` on a key without an object with 404 NoSuchKey: the condition does not hold.
    @Test func ifMatchOnAMissingKeyIsAFailedPrecondition() async throws {
        let transport = ScriptedS3([Self.error(404, "NoSuchKey")])
        let s3 = Self.s3(transport)
        await #expect(throws: S3Error.preconditionFailed(bucket: "state-bucket", key: "p/lease.json")) {
            try await s3.putObject(bucket: "state-bucket", key: "p/lease.json", data: Data(), condition: .ifMatch("\"e\""))
        }
        #expect(transport.requests.count == 1)
    }

    /// 409 ConditionalRequestConflict is retried (the condition is evaluated again), then reported.
    @Test func conflictsAreRetriedThenReported() async throws {
        let transport = ScriptedS3([Self.error(409, "ConditionalRequestConflict")])
        let s3 = Self.s3(transport)
        await #expect(throws: S3Error.conflict(bucket: "state-bucket", key: "lease.json")) {
            try await s3.putObject(bucket: "state-bucket", key: "lease.json", data: Data(), condition: .ifMatch("\"e\""))
        }
        #expect(transport.requests.count == 3)
        #expect(transport.requests.allSatisfy { $0.header("If-Match") == "\"e\"" })
    }

    @Test(arguments: [
        (error(404, "NoSuchBucket", extra: "<BucketName>state-bucket</BucketName>"), S3Error.noSuchBucket(bucket: "state-bucket")),
        (error(403, "AccessDenied"), .accessDenied(bucket: "state-bucket", key: "k", operation: "GetObject")),
        (error(301, "PermanentRedirect", headers: [HTTPHeader("x-amz-bucket-region", "eu-west-1")]),
         .wrongRegion(bucket: "state-bucket", region: "us-east-1", actual: "eu-west-1")),
        (error(400, "AuthorizationHeaderMalformed", extra: "<Region>eu-central-1</Region>"),
         .wrongRegion(bucket: "state-bucket", region: "us-east-1", actual: "eu-central-1")),
        (HTTPResponse(status: 301, headers: [HTTPHeader("x-amz-bucket-region", "ap-south-1")]),
         .wrongRegion(bucket: "state-bucket", region: "us-east-1", actual: "ap-south-1")),
    ])
    func bucketProblemsNameTheBucket(answer: HTTPResponse, expected: S3Error) async throws {
        let s3 = Self.s3(ScriptedS3([answer]))
        await #expect(throws: expected) { try await s3.getObject(bucket: "state-bucket", key: "k") }
        #expect(expected.description.contains("state-bucket"))
    }

    @Test func listingFollowsContinuationTokens() async throws {
        func page(_ keys: [String], next: String?) -> HTTPResponse {
            let contents = keys.map { "<Contents><Key>\($0)</Key><Size>1</Size></Contents>" }.joined()
            let tail = next.map { "<IsTruncated>true</IsTruncated><NextContinuationToken>\($0)</NextContinuationToken>" }
                ?? "<IsTruncated>false</IsTruncated>"
            return HTTPResponse(status: 200, body: Data("<ListBucketResult><Name>b</Name>\(contents)\(tail)</ListBucketResult>".utf8))
        }
        let transport = ScriptedS3([page(["p/a", "p/b"], next: "t+1/="), page(["p/c"], next: nil)])
        let keys = try await Self.s3(transport).listObjects(bucket: "state-bucket", prefix: "p/")
        #expect(keys == ["p/a", "p/b", "p/c"])
        #expect(transport.requests[1].url.query(percentEncoded: true) == "list-type=2&prefix=p%2F&continuation-token=t%2B1%2F%3D")
    }

    @Test func deleteOfAnAbsentKeyIsNotAnError() async throws {
        let transport = ScriptedS3([Self.error(404, "NoSuchKey")])
        try await Self.s3(transport).deleteObject(bucket: "state-bucket", key: "lock.json", ifMatch: "\"e\"")
        #expect(transport.requests[0].method == "DELETE")
    }
}
