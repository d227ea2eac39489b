import AWSCore
import AWSServices
import Foundation
import Testing

/// A Registration whose `registrationType` changes under `onImmutableChange: Recreate`: the plan says it is deleted and
/// created again, and the apply does exactly that (it used to edit the old registration's values in place); a run
/// that stopped before the replacement's status was written finds the new registration by its tags, not a second one
/// (and, its manifest removed since, deletes it as the policy says); a registration with an associated number is not
/// replaced (AWS refuses DeleteRegistration then).
@Suite("Registration replacement end to end", .timeLimit(.minutes(5)))
struct RegistrationReplaceEndToEndTests {
    /// A registration of `type` with no values, replaced when its type changes.
    static func registration(type: String, region: String) -> String {
        """
        apiVersion: smsauth/v1
        kind: Registration
        metadata: {name: brand}
        spec:
          region: \(region)
          registrationType: \(type)
        policy:
          onImmutableChange: Recreate
          onDelete: Delete

        """
    }

    /// A workspace holding the registration of `type` and a unique owner.
    static func workspace(type: String, region: String) throws -> Workspace {
        let space = try Workspace(copying: [])
        try space.write("registration.yaml", registration(type: type, region: region))
        try space.write("smsauth.yaml", "apiVersion: smsauth/v1\nkind: Settings\nspec:\n  owner: e2e-rr-\(UUID().uuidString.prefix(8).lowercased())\n")
        return space
    }

    /// The registration id the status of `Registration/brand` records.
    static func recordedId(_ space: Workspace, _ context: EndToEndContext) async throws -> String {
        let status = try await space.status(environment: context.environment)
        return try #require((status["Registration/brand"]?["resource"] as? [String: Any])?["id"] as? String, "\(status)")
    }

    /// The type of registration `id`; nil when it does not exist (or is deleted).
    static func type(of id: String, _ context: EndToEndContext) async throws -> String? {
        guard let registration = try await context.smsVoice.registrationInformation(id: id),
              registration["RegistrationStatus"]?.stringValue != "DELETED" else { return nil }
        return registration["RegistrationType"]?.stringValue
    }

    /// A 10DLC brand registration applied in `region`: the context, the workspace and the registration's id.
    static func appliedBrand(region: String) async throws -> (EndToEndContext, Workspace, String) {
        let context = try await EndToEndContext.make(region: region)
        let space = try Self.workspace(type: "US_TEN_DLC_BRAND_REGISTRATION", region: region)
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        return (context, space, try await Self.recordedId(space, context))
    }

    @Test func aNewTypeDeletesTheRegistrationAndCreatesOneOfThatType() async throws {
        let region = "eu-north-1"
        let (context, space, old) = try await Self.appliedBrand(region: region)
        defer { space.remove() }

        try space.write("registration.yaml", Self.registration(type: "US_TOLL_FREE_REGISTRATION", region: region))
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("-/+ Registration/brand"), "\(plan.stdout)\(plan.stderr)")
        let replaced = try await space.reconcile(["--log-level", "debug"], environment: context.environment)
        #expect(replaced.status == 0, "\(replaced.stdout)\(replaced.stderr)")
        #expect(replaced.stderr.contains("aws.operation=DeleteRegistration "), "\(replaced.stderr)")
        #expect(!replaced.stderr.contains("aws.operation=PutRegistrationFieldValue"), "\(replaced.stderr)")
        #expect(!replaced.stderr.contains("aws.operation=CreateRegistrationVersion"), "\(replaced.stderr)")
        let new = try await Self.recordedId(space, context)
        #expect(new != old)
        #expect(try await Self.type(of: old, context) == nil)
        #expect(try await Self.type(of: new, context) == "US_TOLL_FREE_REGISTRATION")
        let settled = try await space.reconcile(["--dry-run", "--detailed-exitcode"], environment: context.environment)
        #expect(settled.status == 0, "\(settled.stdout)\(settled.stderr)")

        // A run that stopped after the replacement's CreateRegistration, before its status was written, left the
        // replaced id recorded: the next run finds that one gone and the new one by its ownership tags, and creates
        // nothing (however long after: AWS remembers a ClientToken only for a while).
        let file = space.statusDirectory.appendingPathComponent("Registration/brand.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: new, with: old).write(to: file, atomically: true, encoding: .utf8)
        let retried = try await space.reconcile(["--log-level", "debug"], environment: context.environment)
        #expect(retried.status == 0, "\(retried.stdout)\(retried.stderr)")
        #expect(!retried.stderr.contains("aws.operation=CreateRegistration "), "\(retried.stderr)")
        #expect(try await Self.recordedId(space, context) == new, "a second registration was created")

        // The same stop, then the manifest removed: the new registration is found by its tags and deleted as the
        // policy says, not left behind untracked.
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: new, with: old)
            .write(to: file, atomically: true, encoding: .utf8)
        try space.delete("registration.yaml")
        let removed = try await space.reconcile(["--allow-empty"], environment: context.environment)
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(try await Self.type(of: new, context) == nil, "\(removed.stdout)")
    }

    /// A replacement that stopped right after its DeleteRegistration, before the create: the recorded registration is
    /// gone and none carries the manifest's tags, so the next run creates one registration of the new type.
    @Test func aReplacementStoppedBetweenItsDeleteAndCreateCreatesOnce() async throws {
        let region = "eu-central-1"  // registrations of another owner with this address would be refused
        let (context, space, old) = try await Self.appliedBrand(region: region)
        defer { space.remove() }

        try space.write("registration.yaml", Self.registration(type: "US_TOLL_FREE_REGISTRATION", region: region))
        _ = try await context.smsVoice.deleteRegistration(id: old)  // the stopped run's only write
        let run = try await space.reconcile(["--log-level", "debug"], environment: context.environment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "aws.operation=CreateRegistration ").count == 2, "\(run.stderr)")
        let new = try await Self.recordedId(space, context)
        #expect(new != old)
        #expect(try await Self.type(of: new, context) == "US_TOLL_FREE_REGISTRATION")
    }

    @Test func aRegistrationWithAnAssociatedNumberIsNotReplaced() async throws {
        let region = "ap-southeast-4"  // no other test requests US numbers here
        let context = try await EndToEndContext.make(region: region)
        try await MessagingEndToEndTests.setActivationDelay(0, context)
        let space = try Self.workspace(type: "US_TOLL_FREE_REGISTRATION", region: region)
        defer { space.remove() }
        try space.write("number.yaml", RegistrationEndToEndTests.number(region: region, registration: "brand"))
        let created = try await space.reconcile(environment: context.environment)
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let status = try await space.status(environment: context.environment)
        let numberId = try #require((status["OriginationIdentity/us-tollfree"]?["resource"] as? [String: Any])?["id"]
                                        as? String, "\(status)")
        let old = try await Self.recordedId(space, context)

        try space.delete("number.yaml")  // retained (onDelete: Retain): the number stays associated
        try space.write("registration.yaml", Self.registration(type: "US_TEN_DLC_BRAND_REGISTRATION", region: region))
        let plan = try await space.reconcile(["--dry-run"], environment: context.environment)
        #expect(plan.stdout.contains("has associated phone numbers (\(numberId))"), "\(plan.stdout)\(plan.stderr)")
        let run = try await space.reconcile(["--log-level", "debug"], environment: context.environment)
        #expect(run.stdout.contains("blocked Registration/brand"), "\(run.stdout)")
        #expect(!run.stderr.contains("aws.operation=DeleteRegistration "), "\(run.stderr)")
        #expect(!run.stderr.contains("aws.operation=CreateRegistration "), "\(run.stderr)")
        #expect(try await Self.recordedId(space, context) == old)
        #expect(try await Self.type(of: old, context) == "US_TOLL_FREE_REGISTRATION")
    }
}
