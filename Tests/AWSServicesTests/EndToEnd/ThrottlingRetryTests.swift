import AWSCore
import Foundation
import Testing
import TestSupport
@testable import AWSServices

/// Retries against the emulator's injected throttling.
@Suite struct ThrottlingRetryTests {
    @Test func throttledCallsAreRetriedUntilTheyPass() async throws {
        let clients = try await EmulatorClients.make()
        try await clients.emulator.keepOperationsPageSize(accessKeyId: clients.principal.accessKeyId)
        try await clients.emulator.injectFaults([
            .init(service: "cognito-idp", operation: "ListUserPools", kind: "throttle",
                  accessKeyId: clients.principal.accessKeyId, count: 2),
        ])
        _ = try await clients.cognito.listUserPools()
        let calls = try await clients.emulator.calls(accessKeyId: clients.principal.accessKeyId)
            .filter { $0.operation == "ListUserPools" }
        #expect(calls.map(\.status) == [400, 400, 200])
        #expect(calls.prefix(2).allSatisfy { $0.fault == "throttle" })
    }

    @Test func persistentThrottlingGivesUpAfterTheAttemptLimit() async throws {
        let clients = try await EmulatorClients.make()
        try await clients.emulator.injectFaults([
            .init(service: "iam", operation: "GetRole", kind: "throttle", accessKeyId: clients.principal.accessKeyId),
        ])
        let error = await #expect(throws: AWSError.self) { _ = try await clients.iam.getRole(name: "x") }
        #expect(error.map { RetryClassifier.isThrottling($0) } == true)
        let calls = try await clients.emulator.calls(accessKeyId: clients.principal.accessKeyId)
        #expect(calls.filter { $0.operation == "GetRole" }.count == 3)
    }

    @Test func serverErrorsAreRetriedForReadsOnly() async throws {
        let clients = try await EmulatorClients.make()
        try await clients.emulator.injectFaults([
            .init(service: "cognito-idp", operation: "CreateUserPool", kind: "error5xx",
                  accessKeyId: clients.principal.accessKeyId, count: 1),
        ])
        await #expect(throws: AWSError.self) { _ = try await clients.cognito.createUserPool(["PoolName": "once"]) }
        let creates = try await clients.emulator.calls(accessKeyId: clients.principal.accessKeyId)
            .filter { $0.operation == "CreateUserPool" }
        #expect(creates.count == 1)
    }
}
