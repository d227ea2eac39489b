import Testing
@testable import Reconciler

@Suite struct S3StateURLTests {
    @Test(arguments: [
        ("s3://state-bucket/team/a/", "state-bucket", "team/a", "s3://state-bucket/team/a"),
        ("s3://state-bucket", "state-bucket", "", "s3://state-bucket"),
        ("s3://my.state.bucket//x", "my.state.bucket", "x", "s3://my.state.bucket/x"),
    ])
    func parses(text: String, bucket: String, prefix: String, description: String) throws {
        let url = try #require(try S3StateURL(parsing: text))
        #expect(url.bucket == bucket)
        #expect(url.prefix == prefix)
        #expect(url.description == description)
        #expect(url.objectKey("state.json") == (prefix.isEmpty ? "state.json" : prefix + "/state.json"))
    }

    @Test(arguments: ["/var/lib/smsauth", "state", "./s3:/bucket/x", "../a:b", "9p:/x", "/tmp/S3://x", "a:b",
                      "prod.v2:eu", "state-2024-06-01T10:00"])
    func aPathIsNotAnS3URL(text: String) throws {
        #expect(try S3StateURL(parsing: text) == nil)
    }

    /// Near misses of `s3://` used to be taken as a local folder named after them (`./S3:/bucket/prefix`).
    @Test(arguments: ["S3://state-bucket/up", "s3:/state-bucket/one", "s3:state-bucket", "S3:bucket", "gs://bucket/x",
                      "file:///tmp/state"])
    func otherURLsAreRefused(text: String) {
        #expect(throws: StateLocationError.self) { try S3StateURL(parsing: text) }
    }

    @Test(arguments: ["s3://", "s3://ab/x", "s3://Upper/x", "s3://a..b/x", "s3://-bucket/x"])
    func invalidBucketsAreRefused(text: String) {
        #expect(throws: StateLocationError.self) { try S3StateURL(parsing: text) }
    }
}
