import AWSCore
import Foundation
import Testing
@testable import AWSServices

/// Endpoint and addressing of S3 requests by the AWS CLI's rules.
@Suite struct S3AddressingTests {
    /// (environment, bucket, key, expected URL): AWS_ENDPOINT_URL_S3 > AWS_ENDPOINT_URL > default; path-style when
    /// overridden or when the bucket has dots; virtual-hosted otherwise; keys encoded once with `/` kept.
    @Test(arguments: [
        ([String: String](), "state-bucket", "team/state.json", "https://state-bucket.s3.eu-west-1.amazonaws.com/team/state.json"),
        ([:], "state.bucket", "state.json", "https://s3.eu-west-1.amazonaws.com/state.bucket/state.json"),
        (["AWS_ENDPOINT_URL": "http://127.0.0.1:4566"], "state-bucket", "a b+c.json", "http://127.0.0.1:4566/state-bucket/a%20b%2Bc.json"),
        (["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL": "http://127.0.0.1:4566"], "state-bucket", "k",
         "http://127.0.0.1:5000/state-bucket/k"),
        (["AWS_ENDPOINT_URL_S3": "http://minio.local:9000/base/"], "state-bucket", "p/k", "http://minio.local:9000/base/state-bucket/p/k"),
        (["AWS_ENDPOINT_URL_SNS": "http://127.0.0.1:5000"], "state-bucket", "k", "https://state-bucket.s3.eu-west-1.amazonaws.com/k"),
        (["AWS_ENDPOINT_URL": "http://127.0.0.1:4566", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], "state-bucket", "k",
         "https://state-bucket.s3.eu-west-1.amazonaws.com/k"),
    ])
    func addressing(environment: [String: String], bucket: String, key: String, expected: String) throws {
        let endpoint = try EndpointResolver(environment: environment).resolve(.s3, region: "eu-west-1")
        #expect(try S3Addressing.url(endpoint: endpoint, bucket: bucket, key: key).absoluteString == expected)
    }

    /// Bucket-level requests (ListObjectsV2) carry their query encoded by SigV4's rules.
    @Test func listQueryIsEncoded() throws {
        let endpoint = try EndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:4566"])
            .resolve(.s3, region: "us-east-1")
        let url = try S3Addressing.url(endpoint: endpoint, bucket: "state-bucket",
                                       query: [("list-type", "2"), ("prefix", "team a/")])
        #expect(url.absoluteString == "http://127.0.0.1:4566/state-bucket?list-type=2&prefix=team%20a%2F")
        let hosted = try EndpointResolver(environment: [:]).resolve(.s3, region: "us-east-1")
        #expect(try S3Addressing.url(endpoint: hosted, bucket: "state-bucket").absoluteString
            == "https://state-bucket.s3.us-east-1.amazonaws.com/")
    }

    @Test(arguments: [("abc", true), ("my-state-1", true), ("my.state", false), ("ab", false), ("-ab", false),
                      ("Upper", false)])
    func virtualHostable(bucket: String, expected: Bool) {
        #expect(S3Addressing.isVirtualHostable(bucket) == expected)
    }
}
