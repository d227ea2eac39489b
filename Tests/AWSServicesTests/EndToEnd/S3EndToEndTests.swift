import AWSCore
import Foundation
import Testing
import TestSupport
@testable import AWSServices

/// The S3 client against the emulator's S3 (moto): signatures over keys that need encoding, conditional writes,
/// pagination, and a missing bucket named in the error.
@Suite(.timeLimit(.minutes(8))) struct S3EndToEndTests {
    static func bucket(_ clients: EmulatorClients) async throws -> (S3, String) {
        let name = Emulator.uniqueBucketName("s3-e2e")
        try await clients.emulator.createBucket(name, region: "us-east-1", as: clients.principal)
        return (S3(client: clients.client, region: "us-east-1"), name)
    }

    @Test func conditionalWritesAndReads() async throws {
        let clients = try await EmulatorClients.make()
        let (s3, bucket) = try await Self.bucket(clients)
        let key = "team a/lock+1=x.json"
        let etag = try await s3.putObject(bucket: bucket, key: key, data: Data("one".utf8), condition: .ifNoneMatch)
        await #expect(throws: S3Error.preconditionFailed(bucket: bucket, key: key)) {
            try await s3.putObject(bucket: bucket, key: key, data: Data("two".utf8), condition: .ifNoneMatch)
        }
        await #expect(throws: S3Error.preconditionFailed(bucket: bucket, key: key)) {
            try await s3.putObject(bucket: bucket, key: key, data: Data("two".utf8), condition: .ifMatch("\"0\""))
        }
        let second = try await s3.putObject(bucket: bucket, key: key, data: Data("two".utf8), condition: .ifMatch(etag))
        #expect(try await s3.getObject(bucket: bucket, key: key) == S3.Object(data: Data("two".utf8), etag: second))
        #expect(try await s3.headObject(bucket: bucket, key: key)?.etag == second)
        await #expect(throws: S3Error.preconditionFailed(bucket: bucket, key: key)) {
            try await s3.deleteObject(bucket: bucket, key: key, ifMatch: etag)
        }
        try await s3.deleteObject(bucket: bucket, key: key, ifMatch: second)
        #expect(try await s3.getObject(bucket: bucket, key: key) == nil)
        #expect(try await s3.headObject(bucket: bucket, key: key) == nil)
    }

    @Test func listingIsPaginated() async throws {
        let clients = try await EmulatorClients.make()
        let (s3, bucket) = try await Self.bucket(clients)
        for name in ["p/a", "p/b b", "p/c", "p/d", "q/e"] {
            try await s3.putObject(bucket: bucket, key: name, data: Data())
        }
        #expect(try await s3.listObjects(bucket: bucket, prefix: "p/", pageSize: 2) == ["p/a", "p/b b", "p/c", "p/d"])
        let calls = try await clients.emulator.calls(accessKeyId: clients.principal.accessKeyId)
        #expect(calls.filter { $0.operation == "ListObjectsV2" }.map(\.status) == [200, 200])
    }

    @Test func aMissingBucketIsNamed() async throws {
        let clients = try await EmulatorClients.make()
        let s3 = S3(client: clients.client, region: "us-east-1")
        let missing = Emulator.uniqueBucketName("missing")
        let error = await #expect(throws: S3Error.self) { try await s3.getObject(bucket: missing, key: "state.json") }
        #expect(error == .noSuchBucket(bucket: missing))
        #expect(error?.description.contains(missing) == true)
    }

    /// A wrong secret is S3's own 403 SignatureDoesNotMatch, not an access-denied about the bucket.
    @Test func aBadSignatureIsNotAccessDenied() async throws {
        let good = try await EmulatorClients.make()
        let (_, bucket) = try await Self.bucket(good)
        let bad = try await EmulatorClients.make(secretOverride: String(repeating: "x", count: 40))
        let error = await #expect(throws: AWSError.self) {
            try await S3(client: bad.client, region: "us-east-1").getObject(bucket: bucket, key: "k")
        }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.httpStatus == 403)
    }
}
