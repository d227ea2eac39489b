import AWSCore
import AWSServices
import Foundation
import Testing
import TestSupport
@testable import Reconciler

/// CreateUserPool is not idempotent: it is never repeated after an ambiguous failure; the region is searched by
/// ownership tag instead.
@Suite struct UserPoolCreateFailureTests {
    typealias H = UserPoolHarness
    typealias F = UserPoolFixtures

    @Test(arguments: [
        (AWSError(service: "cognito-idp", operation: "CreateUserPool", code: "InternalErrorException", message: "", httpStatus: 500) as any Error, true),
        (AWSError(service: "cognito-idp", operation: "CreateUserPool", code: "InvalidParameterException", message: "", httpStatus: 400), false),
        (AWSError(service: "cognito-idp", operation: "CreateUserPool", code: "TooManyRequestsException", message: "", httpStatus: 400), false),
        (URLError(.timedOut), true),
        (UserPoolHandlerError.noRegion(F.address), false),
    ])
    func whichFailuresMayHaveCreatedThePool(error: any Error, ambiguous: Bool) {
        #expect(UserPoolHandler.isAmbiguous(error) == ambiguous)
    }

    /// A 5xx whose pool nevertheless exists (the answer was lost): the tagged pool is found and used, and
    /// CreateUserPool was sent once.
    @Test(arguments: [true, false])
    func anAmbiguousFailureIsFollowedByAReadByTagNotARetry(poolWasCreated: Bool) async throws {
        let h = try await H.make()
        let name = H.unique("ambiguous")
        let role = try await h.smsRole()
        let desired = try H.desired(F.yaml(), name: name)
        let address = desired.address
        var existing: String?
        if poolWasCreated {
            existing = try await h.cognito().createUserPool([
                "PoolName": .string(name), "UserPoolTags": .strings(OwnershipTags.tags(for: address, owner: nil)),
            ]).id
        }
        try await h.emulator.injectFaults([Emulator.FaultRule(
            service: "cognito-idp", operation: "CreateUserPool", kind: "error5xx", accessKeyId: h.principal.accessKeyId,
            count: 1)])
        let input = PlanInput(address: address, desired: desired, live: LiveState<UserPoolDescription>.absent,
                              status: nil, references: [F.role: role], dependencyActions: [:], deletePolicy: .retain,
                              options: PlanOptions(account: "123456789012"))
        let change = try h.handler.plan(input)
        let apply = ApplyContext(reconcile: h.context, references: ReferenceStore([F.role: role]),
                                 options: PlanOptions(account: "123456789012"))

        if let existing {
            #expect(try await h.handler.apply(change, input: input, context: apply)["id"] == existing)
        } else {
            let error = await #expect(throws: AWSError.self) { try await h.handler.apply(change, input: input, context: apply) }
            #expect(error?.httpStatus == 500)
        }
        let operations = try await h.emulator.calls(accessKeyId: h.principal.accessKeyId).map(\.operation)
        #expect(operations.filter { $0 == "CreateUserPool" }.count == (poolWasCreated ? 2 : 1))
        #expect(operations.last { $0 != "DescribeUserPool" } == "ListUserPools")
    }
}
