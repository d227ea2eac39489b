import Foundation

extension Emulator {
    /// Makes the next `count` calls of `operation` signed with `accessKeyId` fail with the model's
    /// concurrent-modification error (`POST /_smsauth/conflicts`).
    public func injectConflict(service: String = "cognito-idp", operation: String, count: Int, accessKeyId: String)
        async throws {
        let body: [String: Any] = ["service": service, "operation": operation, "count": count, "accessKeyId": accessKeyId]
        try await control("POST", "conflicts", body: try JSONSerialization.data(withJSONObject: body))
    }
}
