import Foundation
import Testing
@testable import Manifests

/// Registration manifests checked offline against the bundled field definitions: one valid case and the invalid
/// ones, with exact message and location.
@Suite struct RegistrationRuleTests {
    typealias F = Fixtures

    /// The provenance every message names.
    static let of = "field definitions of \(RegistrationDefinitions.snapshotDate)"

    /// A toll-free Registration named `reg` with these lines under `fields:` and more `spec` lines.
    static func tollFree(_ fields: [String], _ more: [String] = []) -> String {
        F.doc("Registration", "reg", ["region: us-east-1", "registrationType: US_TOLL_FREE_REGISTRATION"]
              + (fields.isEmpty ? [] : ["fields:"] + fields.map { "  " + $0 }) + more, [])
    }

    /// Every REQUIRED toll-free field, valid.
    static let complete = [
        "companyInfo.companyName: Example Inc.", "companyInfo.website: https://example.com",
        "companyInfo.address1: 1 Main St", "contactInfo.supportEmail: help@example.com",
        "contactInfo.supportPhoneNumber: \"+12065550100\"", "messagingUseCase.monthlyMessageVolume: [\"1,000\"]",
        "messagingUseCase.useCaseCategory: [ONE_TIME_PASSWORD]", "messagingUseCase.optInDescription: At sign-up.",
        "messageSamples.messageSample1: Your code is 123456.",
    ]

    static let cases: [ValidationCase] = [
        ValidationCase("complete and submitted", tollFree(complete, ["submit: true", "tags: {Team: Ops}"])),
        ValidationCase("a draft may leave required fields out", tollFree(["companyInfo.companyName: Example Inc."])),
        ValidationCase("10DLC brand", F.doc("Registration", "brand", [
            "registrationType: US_TEN_DLC_BRAND_REGISTRATION",
            "fields: {companyInfo.companyType: [NON_PROFIT], contactInfo.email: a@b.example}"], [])),
        ValidationCase("unknown type", F.doc("Registration", "reg", ["registrationType: US_TOLL_FREE_REGISTRATON"], []),
                       ["t.yaml:5:21: error: spec.registrationType: 'US_TOLL_FREE_REGISTRATON' is not a registration "
                        + "type of the \(of): expected one of US_TEN_DLC_BRAND_REGISTRATION, "
                        + "US_TEN_DLC_CAMPAIGN_REGISTRATION, US_TOLL_FREE_REGISTRATION (did you mean "
                        + "'US_TOLL_FREE_REGISTRATION'?)"]),
        ValidationCase("type required", F.doc("Registration", "reg", ["region: us-east-1"], []),
                       ["t.yaml:5:3: error: missing required field 'registrationType' in 'spec'"]),
        ValidationCase("unknown field path", tollFree(["companyInfo.companyNam: x"]),
                       ["t.yaml:8:5: error: spec.fields.companyInfo.companyNam: US_TOLL_FREE_REGISTRATION has no field "
                        + "'companyInfo.companyNam' (\(of)) (did you mean 'companyInfo.companyName'?)"]),
        ValidationCase("text written as choices", tollFree(["contactInfo.supportEmail: [a@b.example]"]),
                       ["t.yaml:8:31: error: spec.fields.contactInfo.supportEmail: contactInfo.supportEmail is a TEXT "
                        + "field: write a string under 'fields'"]),
        ValidationCase("select written as text", tollFree(["messagingUseCase.useCaseCategory: MARKETING"]),
                       ["t.yaml:8:39: error: spec.fields.messagingUseCase.useCaseCategory: "
                        + "messagingUseCase.useCaseCategory is a SELECT field: write a list of choices under 'fields'"]),
        ValidationCase("attachment written as a field", tollFree(["messagingUseCase.optInImage: a.png"]),
                       ["t.yaml:8:34: error: spec.fields.messagingUseCase.optInImage: messagingUseCase.optInImage is "
                        + "an ATTACHMENT field: write a file path under 'attachments'"]),
        ValidationCase("text field as an attachment", tollFree([], ["attachments: {companyInfo.address1: a.png}"]),
                       ["t.yaml:7:17: error: spec.attachments.companyInfo.address1: companyInfo.address1 is a TEXT "
                        + "field: write a string under 'fields'"]),
        ValidationCase("choice not an option, and too many", tollFree(["messagingUseCase.useCaseCategory: [OTP, MIXED]"]),
                       ["t.yaml:8:39: error: spec.fields.messagingUseCase.useCaseCategory: choose 1 of the options, "
                        + "found 2",
                        "t.yaml:8:39: error: spec.fields.messagingUseCase.useCaseCategory: 'OTP' is not an option: "
                        + "expected one of TWO_FACTOR_AUTHENTICATION, ONE_TIME_PASSWORD, NOTIFICATIONS, CUSTOMER_CARE, "
                        + "MARKETING, MIXED"]),
        ValidationCase("no choice", tollFree(["messagingUseCase.useCaseCategory: []"]),
                       ["t.yaml:8:39: error: spec.fields.messagingUseCase.useCaseCategory: choose 1 of the options, "
                        + "found 0"]),
        ValidationCase("text too long", tollFree(["companyInfo.companyName: " + String(repeating: "x", count: 101)]),
                       ["t.yaml:8:30: error: spec.fields.companyInfo.companyName: must be 1 to 100 characters, "
                        + "found 101"]),
        // 60 × "é" written as e + U+0301: 60 grapheme clusters but 120 code points, which AWS (and the emulator's
        // Python len) counts.
        ValidationCase("text length in code points", tollFree(["companyInfo.companyName: "
                                                               + String(repeating: "e\u{301}", count: 60)]),
                       ["t.yaml:8:30: error: spec.fields.companyInfo.companyName: must be 1 to 100 characters, "
                        + "found 120"]),
        ValidationCase("text against its pattern, value not repeated", tollFree(["contactInfo.supportEmail: nobody"]),
                       ["t.yaml:8:31: error: spec.fields.contactInfo.supportEmail: must match "
                        + "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"]),
        ValidationCase("attachment file missing", tollFree([], ["attachments: {messagingUseCase.optInImage: gone.png}"]),
                       ["t.yaml:7:46: error: spec.attachments.messagingUseCase.optInImage: file 'gone.png' does not "
                        + "exist (paths are relative to the manifest's file)"]),
        ValidationCase("adopt not an id or ARN", tollFree([], ["adopt: not an id"]),
                       ["t.yaml:7:10: error: spec.adopt: 'not an id' is not a registration id or ARN (AWS's "
                        + "RegistrationIdOrArn: 1 to 256 of A-Z, a-z, 0-9, _ : / -)"]),
        ValidationCase("adopt an ARN", tollFree([], ["adopt: arn:aws:sms-voice:us-east-1:123456789012:registration/registration-1a"])),
        ValidationCase("unknown sensitive field", tollFree([], ["sensitiveFields: [companyInfo.companyNme]"]),
                       ["t.yaml:7:21: error: spec.sensitiveFields[0]: US_TOLL_FREE_REGISTRATION has no field "
                        + "'companyInfo.companyNme' (\(of)) (did you mean 'companyInfo.companyName'?)"]),
        ValidationCase("submit without required fields", tollFree(Array(complete.dropFirst(2)), ["submit: true"]),
                       ["t.yaml:15:11: error: spec.fields.companyInfo.companyName: required by "
                        + "US_TOLL_FREE_REGISTRATION (\(of)) to submit ('submit: true'); set it as a string under "
                        + "'fields'",
                        "t.yaml:15:11: error: spec.fields.companyInfo.website: required by US_TOLL_FREE_REGISTRATION "
                        + "(\(of)) to submit ('submit: true'); set it as a string under 'fields'"]),
        ValidationCase("fields not a mapping", F.doc("Registration", "reg", [
            "registrationType: US_TOLL_FREE_REGISTRATION", "fields: [x]"], []),
                       ["t.yaml:6:11: error: 'spec.fields' must be a mapping of strings or lists of strings, found a list"]),
        ValidationCase("field value a mapping", tollFree(["companyInfo.companyName: {a: b}"]),
                       ["t.yaml:8:30: error: 'spec.fields.companyInfo.companyName' must be a string or a list of "
                        + "strings, found a mapping"]),
    ]

    /// A US number of `type` in us-east-1 with `more` lines under `phoneNumber`.
    static func number(_ type: String, _ more: [String]) -> String {
        F.doc("OriginationIdentity", "tf", ["region: us-east-1", "phoneNumber:", "  isoCountryCode: US",
                                            "  numberType: \(type)", "  messageType: TRANSACTIONAL",
                                            "  capabilities: [SMS]"] + more.map { "  " + $0 } + ["purchaseApproved: true"], [])
    }

    static let associationCases: [ValidationCase] = [
        ValidationCase("a toll-free number names its registration", F.docs(number("TOLL_FREE", ["registration: reg"]),
                                                                          tollFree([]))),
        ValidationCase("registration and registrationId are exclusive", F.docs(number("TOLL_FREE", [
            "registration: reg", "registrationId: registration-0123456789abcdef0123456789abcdef"]), tollFree([])),
                       ["t.yaml:12:21: error: 'spec.phoneNumber.registrationId' and 'spec.phoneNumber.registration' "
                        + "are exclusive: name a Registration manifest, or give the id of a registration managed "
                        + "elsewhere"]),
        ValidationCase("a 10DLC number cannot join a toll-free registration", F.docs(number("TEN_DLC", [
            "registration: reg"]), tollFree([])),
                       ["t.yaml:11:19: error: spec.phoneNumber.registration: Registration 'reg' is a "
                        + "US_TOLL_FREE_REGISTRATION, which takes US TOLL_FREE numbers; this is a US TEN_DLC number"]),
        ValidationCase("a brand takes no number", F.docs(number("TEN_DLC", ["registration: reg"]), F.doc(
            "Registration", "reg", ["registrationType: US_TEN_DLC_BRAND_REGISTRATION"], [])),
                       ["t.yaml:11:19: error: spec.phoneNumber.registration: Registration 'reg' is a "
                        + "US_TEN_DLC_BRAND_REGISTRATION, which takes no phone numbers; this is a US TEN_DLC number"]),
        ValidationCase("a registration in a region without End User Messaging", F.doc("Registration", "reg", [
            "region: ap-east-1", "registrationType: US_TOLL_FREE_REGISTRATION"], []),
                       ["t.yaml:5:11: error: Registration 'reg' uses AWS End User Messaging SMS, which ap-east-1 does "
                        + "not offer: choose a region that has it"]),
        ValidationCase("the registration must be declared", number("TOLL_FREE", ["registration: gone"]),
                       ["t.yaml:11:19: error: OriginationIdentity 'tf' refers to Registration 'gone', which is not "
                        + "defined"]),
    ]

    @Test(arguments: associationCases)
    func associationRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    /// The number depends on the Registration it names, whose read comes first (its id finds the association).
    @Test func aNumberDependsOnItsRegistration() throws {
        #expect(ResourceKind.originationIdentity.relations.dependencyKinds == [.registration])
        #expect(ResourceKind.originationIdentity.relations.wholeKindReadDependencies == [.registration])
        #expect(ResourceKind.registration.applyRank < ResourceKind.originationIdentity.applyRank)
    }

    @Test(arguments: cases)
    func registrationRules(_ testCase: ValidationCase) {
        #expect(TestSupport.check(testCase.text, region: testCase.region) == testCase.expected)
    }

    /// An attachment is found next to the manifest's file, in a folder below it.
    @Test func attachmentsAreRelativeToTheManifestFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try TestSupport.write(Self.tollFree([], ["attachments: {messagingUseCase.optInImage: files/opt-in.png}"]),
                              to: "sub/reg.yaml", in: directory)
        try TestSupport.write("png", to: "sub/files/opt-in.png", in: directory)
        let loaded = Validator().loadAndValidate(directory: directory.path)
        #expect(loaded.diagnostics.map(\.description) == [])
        let spec = try #require(loaded.manifests.first.flatMap { manifest -> RegistrationSpec? in
            if case .registration(let spec) = manifest.spec { return spec }
            return nil
        })
        #expect(spec.attachments?.value.map(\.file.value) == ["files/opt-in.png"])
    }

    /// Bug: validate accepted a directory, an unreadable file, a file of another type and one over AWS's 5 MB limit
    /// (a 600 MB file was then read whole in memory). Each is reported from metadata only.
    @Test func attachmentFilesAWSWouldRefuseAreReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(file: String, expected: String)] = [
            ("folder.png", "error: spec.attachments.messagingUseCase.optInImage: file 'folder.png' is a directory, not a file"),
            ("opt-in.gif", "error: spec.attachments.messagingUseCase.optInImage: file 'opt-in.gif' is not a PDF, JPEG or "
             + "PNG file (.pdf, .jpg, .jpeg, .png): AWS accepts only these"),
            ("huge.pdf", "error: spec.attachments.messagingUseCase.optInImage: file 'huge.pdf' is 629145600 bytes, more "
             + "than AWS's limit of 5 MB (5242880 bytes)"),
            ("secret.png", "error: spec.attachments.messagingUseCase.optInImage: file 'secret.png' cannot be read (check "
             + "its permissions)"),
            ("ok.JPEG", ""),
        ]
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder.png"),
                                                withIntermediateDirectories: true)
        try TestSupport.write("gif", to: "opt-in.gif", in: directory)
        try TestSupport.write("jpeg", to: "ok.JPEG", in: directory)
        let huge = directory.appendingPathComponent("huge.pdf")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 600 * 1024 * 1024)  // sparse: no 600 MB written
        try handle.close()
        try TestSupport.write("png", to: "secret.png", in: directory)
        try FileManager.default.setAttributes([.posixPermissions: 0o000],
                                              ofItemAtPath: directory.appendingPathComponent("secret.png").path)
        let unreadableByUs = !FileManager.default.isReadableFile(atPath: directory.appendingPathComponent("secret.png").path)
        for (file, expected) in cases where file != "secret.png" || unreadableByUs {  // root reads any file
            let manifest = directory.appendingPathComponent("reg.yaml")
            try Self.tollFree([], ["attachments: {messagingUseCase.optInImage: \(file)}"])
                .write(to: manifest, atomically: true, encoding: .utf8)
            let found = RegistrationRules.problems(try #require(Self.spec(of: manifest)), manifestFile: manifest.path)
            #expect(found.map { "\($0.severity == .error ? "error" : "warning"): \($0.message)" }
                        == (expected.isEmpty ? [] : [expected]), "\(file)")
        }
    }

    /// The Registration spec of the manifest file at `url`.
    static func spec(of url: URL) -> RegistrationSpec? {
        let result = ManifestLoader().load(text: (try? String(contentsOf: url, encoding: .utf8)) ?? "", file: url.path)
        guard case .registration(let spec)? = result.manifests.first?.spec else { return nil }
        return spec
    }

    /// The spec keeps each field's path, value and order as written.
    @Test func fieldsAreReadInOrderWithTheirForm() throws {
        let loaded = ManifestLoader().load(text: Self.tollFree(["companyInfo.website: https://a.example",
                                                                "messagingUseCase.useCaseCategory: [MIXED]"]),
                                           file: "t.yaml")
        guard case .registration(let spec)? = loaded.manifests.first?.spec else {
            Issue.record("no Registration read: \(loaded.diagnostics)")
            return
        }
        #expect(spec.fields?.value.map(\.path.value) == ["companyInfo.website", "messagingUseCase.useCaseCategory"])
        #expect(spec.fields?.value.map(\.value.value) == [.text("https://a.example"), .choices(["MIXED"])])
        #expect(spec.fields?.value.first?.path.location.line == 8)
        #expect(spec.submits == false)
    }

    /// Contact and personal data is sensitive; select choices never are; the manifest can add paths.
    @Test func sensitivityRule() throws {
        let field = { (path: String) in try #require(RegistrationDefinitions.field(path, of: "US_TOLL_FREE_REGISTRATION")) }
        #expect(RegistrationDefinitions.isSensitive(try field("contactInfo.supportEmail")))
        #expect(RegistrationDefinitions.isSensitive(try field("contactInfo.supportPhoneNumber")))
        #expect(RegistrationDefinitions.isSensitive(try field("companyInfo.address1")))
        #expect(!RegistrationDefinitions.isSensitive(try field("companyInfo.companyName")))
        #expect(!RegistrationDefinitions.isSensitive(try field("messagingUseCase.useCaseCategory")))
        #expect(RegistrationDefinitions.isSensitive(try field("companyInfo.companyName"), extra: ["companyInfo.companyName"]))
        let taxId = try #require(RegistrationDefinitions.field("companyInfo.taxId", of: "US_TEN_DLC_BRAND_REGISTRATION"))
        #expect(RegistrationDefinitions.isSensitive(taxId))
    }
}
