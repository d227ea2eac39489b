import AWSCore
import Foundation

/// Registrations as code (the `Registration` kind): create, field values, attachments, versions, submission and
/// deletion. Each call is the model's operation of the same name (pinpoint-sms-voice-v2).
extension SMSVoice {
    /// DescribeRegistrations of one registration (`RegistrationInformation` as JSON), nil when it does not exist.
    public func registrationInformation(id: String) async throws -> JSONValue? {
        do {
            return try await allPages("DescribeRegistrations", input: ["RegistrationIds": .strings([id])],
                                      listKey: "Registrations").first
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// DescribeRegistrations of every registration of the region (all pages).
    public func registrations() async throws -> [JSONValue] {
        try await allPages("DescribeRegistrations", input: [:], listKey: "Registrations")
    }

    /// DescribeRegistrationVersions of registration `id`, as JSON (all pages).
    public func registrationVersions(id: String) async throws -> [JSONValue] {
        try await allPages("DescribeRegistrationVersions", input: ["RegistrationId": .string(id)],
                           listKey: "RegistrationVersions")
    }

    /// DescribeRegistrationFieldValues of version `version` of registration `id` (`RegistrationFieldValueInformation`
    /// as JSON, all pages).
    public func registrationFieldValues(id: String, version: Int) async throws -> [JSONValue] {
        try await allPages("DescribeRegistrationFieldValues",
                           input: ["RegistrationId": .string(id), "VersionNumber": .number(Double(version))],
                           listKey: "RegistrationFieldValues")
    }

    /// CreateRegistration with a ClientToken and tags; the output (`RegistrationId`, `RegistrationArn`,
    /// `VersionNumber`, `RegistrationStatus`).
    public func createRegistration(type: String, clientToken: String, tags: [String: String]) async throws -> JSONValue {
        try await call("CreateRegistration", [
            "RegistrationType": .string(type), "ClientToken": .string(clientToken), "Tags": SMSVoice.tagList(tags),
        ])
    }

    /// PutRegistrationFieldValue of a TEXT field.
    public func putRegistrationText(id: String, path: String, text: String) async throws {
        _ = try await call("PutRegistrationFieldValue", [
            "RegistrationId": .string(id), "FieldPath": .string(path), "TextValue": .string(text),
        ])
    }

    /// PutRegistrationFieldValue of a SELECT field.
    public func putRegistrationChoices(id: String, path: String, choices: [String]) async throws {
        _ = try await call("PutRegistrationFieldValue", [
            "RegistrationId": .string(id), "FieldPath": .string(path), "SelectChoices": .strings(choices),
        ])
    }

    /// PutRegistrationFieldValue of an ATTACHMENT field.
    public func putRegistrationAttachment(id: String, path: String, attachmentId: String) async throws {
        _ = try await call("PutRegistrationFieldValue", [
            "RegistrationId": .string(id), "FieldPath": .string(path), "RegistrationAttachmentId": .string(attachmentId),
        ])
    }

    /// DeleteRegistrationFieldValue.
    public func deleteRegistrationFieldValue(id: String, path: String) async throws {
        _ = try await call("DeleteRegistrationFieldValue", ["RegistrationId": .string(id), "FieldPath": .string(path)])
    }

    /// CreateRegistrationAttachment with the file's bytes (AttachmentBody, base64 in JSON) and a ClientToken; the
    /// new attachment's `RegistrationAttachmentId`.
    public func createRegistrationAttachment(body: Data, clientToken: String,
                                             tags: [String: String]) async throws -> String? {
        try await call("CreateRegistrationAttachment", [
            "AttachmentBody": .string(body.base64EncodedString()), "ClientToken": .string(clientToken),
            "Tags": SMSVoice.tagList(tags),
        ])["RegistrationAttachmentId"]?.stringValue
    }

    /// DescribeRegistrationAttachments of `ids` (at most 5 per call, AWS's limit): attachment id → ARN. An id AWS
    /// does not know is left out (its chunk is asked again one id at a time).
    public func registrationAttachmentArns(ids: [String]) async throws -> [String: String] {
        var arns: [String: String] = [:]
        var chunks = stride(from: 0, to: ids.count, by: 5).map { Array(ids[$0..<min($0 + 5, ids.count)]) }
        while let chunk = chunks.first {
            chunks.removeFirst()
            do {
                for info in try await allPages("DescribeRegistrationAttachments",
                                               input: ["RegistrationAttachmentIds": .strings(chunk)],
                                               listKey: "RegistrationAttachments") {
                    if let id = info["RegistrationAttachmentId"]?.stringValue,
                       let arn = info["RegistrationAttachmentArn"]?.stringValue { arns[id] = arn }
                }
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                if chunk.count > 1 { chunks.append(contentsOf: chunk.map { [$0] }) }
            }
        }
        return arns
    }

    /// SubmitRegistrationVersion of the current DRAFT version.
    public func submitRegistrationVersion(id: String) async throws {
        _ = try await call("SubmitRegistrationVersion", ["RegistrationId": .string(id)])
    }

    /// CreateRegistrationVersion: a new DRAFT with the current version's values; its `VersionNumber`.
    public func createRegistrationVersion(id: String) async throws -> Int? {
        try await call("CreateRegistrationVersion", ["RegistrationId": .string(id)])["VersionNumber"]?.intValue
    }

    /// DeleteRegistration; a registration already gone is not an error.
    public func deleteRegistration(id: String) async throws {
        do {
            _ = try await call("DeleteRegistration", ["RegistrationId": .string(id)])
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return
        }
    }
}

/// Registration associations: which phone numbers a registration covers.
extension SMSVoice {
    /// ListRegistrationAssociations of registration `id`: the `ResourceId` of each associated number (all pages).
    public func registrationAssociations(id: String) async throws -> [String] {
        try await allPages("ListRegistrationAssociations", input: ["RegistrationId": .string(id)],
                           listKey: "RegistrationAssociations").compactMap { $0["ResourceId"]?.stringValue }
    }

    /// CreateRegistrationAssociation of phone number `resourceId` with registration `id`.
    public func createRegistrationAssociation(id: String, resourceId: String) async throws {
        _ = try await call("CreateRegistrationAssociation", [
            "RegistrationId": .string(id), "ResourceId": .string(resourceId),
        ])
    }
}

/// Registration forms: the field definitions of a registration type.
extension SMSVoice {
    /// DescribeRegistrationFieldDefinitions of `type`: every `RegistrationFieldDefinition` (all pages of 100).
    public func registrationFieldDefinitions(type: String) async throws -> [JSONValue] {
        try await allPages("DescribeRegistrationFieldDefinitions",
                           input: ["RegistrationType": .string(type), "MaxResults": 100],
                           listKey: "RegistrationFieldDefinitions")
    }
}
