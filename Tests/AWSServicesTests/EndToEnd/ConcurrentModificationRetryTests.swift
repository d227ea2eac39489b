import AWSCore
import Foundation
import Testing
import TestSupport
@testable import AWSServices

/// Retries against the emulator's injected concurrent-modification conflicts, and its model validation.
@Suite struct ConcurrentModificationRetryTests {
    @Test func conflictingUpdatesAreRetriedUntilTheyPass() async throws {
        let clients = try await EmulatorClients.make()
        let pool = try await clients.cognito.createUserPool(["PoolName": .string(EmulatorClients.uniqueName("cm"))])
        let key = clients.principal.accessKeyId
        try await clients.emulator.injectConflict(operation: "UpdateUserPool", count: 2, accessKeyId: key)
        var request = pool.updateRequest()
        request["PoolName"] = "renamed"
        try await clients.cognito.updateUserPool(.object(request))
        let updates = try await clients.emulator.calls(accessKeyId: key).filter { $0.operation == "UpdateUserPool" }
        #expect(updates.map(\.status) == [400, 400, 200])
        #expect(try await clients.cognito.describeUserPool(id: pool.id)?.name == "renamed")
    }

    @Test func aPersistentConflictGivesUpAfterTheAttemptLimit() async throws {
        let clients = try await EmulatorClients.make()
        let key = clients.principal.accessKeyId
        let role = EmulatorClients.uniqueName("cm")
        let trust = PolicyDocument([
            "Version": "2012-10-17",
            "Statement": [["Effect": "Allow", "Principal": ["Service": "cognito-idp.amazonaws.com"], "Action": "sts:AssumeRole"]],
        ])
        _ = try await clients.iam.createRole(.init(roleName: role, assumeRolePolicy: trust))
        try await clients.emulator.injectConflict(service: "iam", operation: "DeleteRole", count: 5, accessKeyId: key)
        let error = await #expect(throws: AWSError.self) { try await clients.iam.deleteRole(roleName: role) }
        #expect(error?.code == "ConcurrentModification")
        #expect(error?.httpStatus == 409)
        let deletes = try await clients.emulator.calls(accessKeyId: key).filter { $0.operation == "DeleteRole" }
        #expect(deletes.count == 3)
    }

    /// A malformed pool id is the model's validation error, never read as "no such pool".
    @Test func aMalformedPoolIdIsInvalidNotAbsent() async throws {
        let clients = try await EmulatorClients.make()
        let error = await #expect(throws: AWSError.self) { _ = try await clients.cognito.describeUserPool(id: "no such pool") }
        #expect(error?.code == "InvalidParameterException")
        #expect(try await clients.cognito.describeUserPool(id: "us-east-1_missing") == nil)
    }
}
