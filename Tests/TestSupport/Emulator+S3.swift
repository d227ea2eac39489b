import AWSCore
import AWSServices
import Foundation

extension Emulator {
    /// Creates the bucket `name` in `region` (CreateBucket, path-style, with the LocationConstraint S3 requires
    /// outside us-east-1) as `principal`.
    public func createBucket(_ name: String, region: String, as principal: Principal) async throws {
        let body = region == "us-east-1" ? Data() : Data("""
            <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>
            """.utf8)
        _ = try await client(for: principal).rest(.s3, region: region, operation: "CreateBucket", method: "PUT",
                                                  url: { try S3Addressing.url(endpoint: $0, bucket: name) },
                                                  body: body)
    }

    /// A bucket name no other test uses.
    public static func uniqueBucketName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
