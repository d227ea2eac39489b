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

    @Test func aPathIsNotAnS3URL() throws {
        #expect(try S3StateURL(parsing: "/var/lib/smsauth") == nil)
    }

    @Test(arguments: ["s3://", "s3://ab/x", "s3://Upper/x", "s3://a..b/x", "s3://-bucket/x"])
    func invalidBucketsAreRefused(text: String) {
        #expect(throws: StateLocationError.self) { try S3StateURL(parsing: text) }
    }
}
