import AWSServices
import Foundation
import Manifests
import Testing
@testable import Reconciler

/// The field definitions AWS answers (DescribeRegistrationFieldDefinitions) are read into the snapshot's shape, and
/// the plan refuses a Registration whose fields do not fit them, naming the field and never its TEXT value.
@Suite struct RegistrationFieldDefinitionsReadTests {
    /// A region no other test records definitions for (the store is shared by the process).
    static let region = "me-west-9"

    static func desired(company: String, email: String, submit: Bool) throws -> DesiredResource {
        try ConfigurationSetPlanTests.desired("""
            apiVersion: smsauth/v1
            kind: Registration
            metadata: {name: tf}
            spec:
              region: \(region)
              registrationType: US_TOLL_FREE_REGISTRATION
              fields:
                companyInfo.companyName: \(company)
                contactInfo.supportEmail: \(email)
              submit: \(submit)
            """)
    }

    func plan(_ desired: DesiredResource) throws -> ResourceChange {
        try RegistrationHandler().plan(PlanInput(
            address: ResourceAddress(kind: .registration, name: "tf"), desired: desired, live: .absent, status: nil,
            references: [:], dependencyActions: [:], deletePolicy: .retain, options: PlanOptions(account: "123456789012")))
    }

    @Test func awsDefinitionsAreReadIntoTheSnapshotsShape() {
        let text: JSONValue = ["FieldPath": "companyInfo.companyName", "FieldType": "TEXT", "FieldRequirement": "REQUIRED",
                               "TextValidation": ["MinLength": 1, "MaxLength": 5, "Pattern": "^[A-Z]+$"]]
        let select: JSONValue = ["FieldPath": "messagingUseCase.useCaseCategory", "FieldType": "SELECT",
                                 "FieldRequirement": "OPTIONAL",
                                 "SelectValidation": ["MinChoices": 1, "MaxChoices": 2, "Options": ["A", "B"]]]
        #expect(RegistrationFieldDefinitionsRead.definition(text) == RegistrationFieldDefinition(
            path: "companyInfo.companyName", type: .text, requirement: .required, length: 1...5, pattern: "^[A-Z]+$",
            choices: nil, options: []))
        #expect(RegistrationFieldDefinitionsRead.definition(select) == RegistrationFieldDefinition(
            path: "messagingUseCase.useCaseCategory", type: .select, requirement: .optional, length: nil, pattern: nil,
            choices: 1...2, options: ["A", "B"]))
        #expect(RegistrationFieldDefinitionsRead.definition(["FieldType": "TEXT"]) == nil)
    }

    @Test func fieldsThatDoNotFitAWSsDefinitionsAreRefusedBeforeAnythingIsWritten() throws {
        let fetched = Date(timeIntervalSince1970: 1_796_428_800)  // 2026-12-05
        RegistrationFieldDefinitionsRead.shared.record(.init(definitions: [
            RegistrationFieldDefinition(path: "companyInfo.companyName", type: .text, requirement: .required,
                                        length: 1...5, pattern: "^[\\s\\S]*$", choices: nil, options: []),
            RegistrationFieldDefinition(path: "contactInfo.supportEmail", type: .text, requirement: .required,
                                        length: 1...100, pattern: "^[^@]+@[^@]+$", choices: nil, options: []),
            RegistrationFieldDefinition(path: "messageSamples.messageSample1", type: .text, requirement: .required,
                                        length: 1...100, pattern: "^[\\s\\S]*$", choices: nil, options: []),
        ], fetched: fetched), region: Self.region, type: "US_TOLL_FREE_REGISTRATION")

        let refused = try plan(try Self.desired(company: "Example Inc.", email: "not-an-email", submit: true))
        #expect(refused.action == .refuse)
        let reason = try #require(refused.reason)
        #expect(reason.hasPrefix("the fields do not fit AWS's field definitions read from AWS "
                                 + "(DescribeRegistrationFieldDefinitions, \(Self.region)) on 2026-12-05 (nothing was written)"),
                "\(reason)")
        #expect(reason.contains("spec.fields.companyInfo.companyName: must be 1 to 5 characters, found 12"), "\(reason)")
        #expect(reason.contains("spec.fields.contactInfo.supportEmail: must match ^[^@]+@[^@]+$"), "\(reason)")
        #expect(reason.contains("spec.fields.messageSamples.messageSample1: required by US_TOLL_FREE_REGISTRATION"),
                "\(reason)")
        #expect(!reason.contains("not-an-email") && !reason.contains("Example Inc."), "a TEXT value shown: \(reason)")

        let error = try #require(RegistrationHandler.fieldProblems(
            RegistrationHandler.spec(try Self.desired(company: "Example Inc.", email: "a@b", submit: false))!,
            manifest: try Self.desired(company: "Example Inc.", email: "a@b", submit: false).manifest, region: Self.region))
        #expect(error.code == "registration.fieldsDoNotFit" && !error.isRetryable)
        #expect(error.description.contains("spec.fields.companyInfo.companyName: must be 1 to 5 characters"))

        let fitting = try plan(try Self.desired(company: "Ex", email: "a@b", submit: false))
        #expect(fitting.action == .create)
    }
}

/// The status folder's cache of AWS's field definitions: where it is, what a file holds, and that a file is read back.
@Suite struct RegistrationFieldDefinitionsCacheTests {
    @Test func aCachedAnswerIsReadBackWithWhenItWasFetched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("defs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = StatusStore(directory: folder)
        let cache = try #require(store.cacheDirectory)
        #expect(cache == folder.appendingPathComponent(".cache"))
        let file = RegistrationFieldDefinitionsRead.cacheFile(in: cache, region: "us-east-1", type: "US_TOLL_FREE_REGISTRATION")
        #expect(file.path.hasSuffix(".cache/registration-field-definitions/us-east-1/US_TOLL_FREE_REGISTRATION.json"))
        #expect(RegistrationFieldDefinitionsRead.load(file) == nil)

        let fetched = Date(timeIntervalSince1970: 1_796_428_800)
        let json: JSONValue = ["FieldPath": "companyInfo.companyName", "FieldType": "TEXT", "FieldRequirement": "REQUIRED",
                               "TextValidation": ["MinLength": 1, "MaxLength": 100, "Pattern": "^.*$"]]
        RegistrationFieldDefinitionsRead.save(.init(fetched: fetched, definitions: [json]), to: file)
        let loaded = try #require(RegistrationFieldDefinitionsRead.load(file))
        #expect(loaded.fetched == fetched)
        #expect(loaded.definitions.map(\.path) == ["companyInfo.companyName"])
        #expect(loaded.definitions.first?.length == 1...100)
        // The status readers skip the cache folder.
        #expect(try store.readAll().isEmpty)
    }
}
