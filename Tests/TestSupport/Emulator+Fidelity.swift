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

extension Emulator {
    /// Makes the list operations signed with `accessKeyId` page as each operation does by itself, even when the
    /// emulator runs with small pages (`scripts/test`'s page-size-1 pass): for tests that count calls.
    public func keepOperationsPageSize(accessKeyId: String) async throws {
        let body: [String: Any] = ["accessKeyId": accessKeyId, "pageSize": NSNull()]
        try await control("POST", "config", body: try JSONSerialization.data(withJSONObject: body))
    }
}
