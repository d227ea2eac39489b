import AWSCore
import Foundation

/// AWS End User Messaging SMS (`pinpoint-sms-voice-v2`): origination phone numbers, sender IDs, pools, configuration
/// sets with their event destinations, tags, and the protect configurations (read by the doctor; written by
/// `SMSVoice+Protect.swift`).
/// Requests and answers are verbatim JSON objects; typed helpers cover what smsauth reads.
public struct SMSVoice: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region.
    public let region: String

    /// Creates the client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// RequestPhoneNumber. `request` must carry a `ClientToken`: it is what makes a retry or a re-run after a
    /// crash return the same number instead of buying a second one, so the call is retried like an idempotent one.
    public func requestPhoneNumber(_ request: JSONValue) async throws -> JSONValue {
        try await call("RequestPhoneNumber", request, idempotency: SMSVoice.idempotency(of: request))
    }

    /// DescribePhoneNumbers, all pages, optionally narrowed by ids or filters (`[{"Name": …, "Values": […]}]`).
    public func describePhoneNumbers(ids: [String]? = nil, filters: [JSONValue]? = nil) async throws -> [JSONValue] {
        try await describeAll("DescribePhoneNumbers", listKey: "PhoneNumbers", idsKey: "PhoneNumberIds",
                              ids: ids.map { .strings($0) }, filters: filters)
    }

    /// UpdatePhoneNumber with the mutable settings present in `request` (plus `PhoneNumberId`).
    public func updatePhoneNumber(_ request: JSONValue) async throws -> JSONValue {
        try await call("UpdatePhoneNumber", request)
    }

    /// ReleasePhoneNumber: irreversible; refused by AWS while deletion protection is on.
    public func releasePhoneNumber(id: String) async throws -> JSONValue {
        try await call("ReleasePhoneNumber", ["PhoneNumberId": .string(id)])
    }

    /// RequestSenderId (with a `ClientToken`, see `requestPhoneNumber`).
    public func requestSenderId(_ request: JSONValue) async throws -> JSONValue {
        try await call("RequestSenderId", request, idempotency: SMSVoice.idempotency(of: request))
    }

    /// DescribeSenderIds, all pages; `senderIds` as `[{"SenderId": …, "IsoCountryCode": …}]`.
    public func describeSenderIds(senderIds: [JSONValue]? = nil, filters: [JSONValue]? = nil) async throws -> [JSONValue] {
        try await describeAll("DescribeSenderIds", listKey: "SenderIds", idsKey: "SenderIds",
                              ids: senderIds.map { .array($0) }, filters: filters)
    }

    /// UpdateSenderId (deletion protection only).
    public func updateSenderId(_ request: JSONValue) async throws -> JSONValue {
        try await call("UpdateSenderId", request)
    }

    /// ReleaseSenderId: irreversible.
    public func releaseSenderId(senderId: String, isoCountryCode: String) async throws -> JSONValue {
        try await call("ReleaseSenderId", ["SenderId": .string(senderId), "IsoCountryCode": .string(isoCountryCode)])
    }

    /// CreatePool from its first origination identity (with a `ClientToken`).
    public func createPool(_ request: JSONValue) async throws -> JSONValue {
        try await call("CreatePool", request, idempotency: SMSVoice.idempotency(of: request))
    }

    /// DescribePools, all pages.
    public func describePools(ids: [String]? = nil, filters: [JSONValue]? = nil) async throws -> [JSONValue] {
        try await describeAll("DescribePools", listKey: "Pools", idsKey: "PoolIds", ids: ids.map { .strings($0) }, filters: filters)
    }

    /// UpdatePool with the mutable settings present in `request` (plus `PoolId`).
    public func updatePool(_ request: JSONValue) async throws -> JSONValue {
        try await call("UpdatePool", request)
    }

    /// DeletePool: refused by AWS while deletion protection is on.
    public func deletePool(id: String) async throws -> JSONValue {
        try await call("DeletePool", ["PoolId": .string(id)])
    }

    /// AssociateOriginationIdentity.
    public func associateOriginationIdentity(_ request: JSONValue) async throws -> JSONValue {
        try await call("AssociateOriginationIdentity", request, idempotency: SMSVoice.idempotency(of: request))
    }

    /// DisassociateOriginationIdentity.
    public func disassociateOriginationIdentity(_ request: JSONValue) async throws -> JSONValue {
        try await call("DisassociateOriginationIdentity", request, idempotency: SMSVoice.idempotency(of: request))
    }

    /// ListPoolOriginationIdentities, all pages: the pool's members as `OriginationIdentityMetadata`.
    public func listPoolOriginationIdentities(poolId: String) async throws -> [JSONValue] {
        try await allPages("ListPoolOriginationIdentities", input: ["PoolId": .string(poolId)],
                           listKey: "OriginationIdentities")
    }

    /// DescribeConfigurationSets of one name: the set (`ConfigurationSetInformation`, with its event destinations),
    /// nil when it does not exist.
    public func describeConfigurationSet(name: String) async throws -> JSONValue? {
        do {
            // Paged like every listing: a page may be empty and still have a next one.
            return try await allPages("DescribeConfigurationSets", input: ["ConfigurationSetNames": .strings([name])],
                                      listKey: "ConfigurationSets").first
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// DescribeConfigurationSets, all pages, narrowed by filters (`protect-configuration-id`, …).
    public func describeConfigurationSets(filters: [JSONValue]) async throws -> [JSONValue] {
        try await describeAll("DescribeConfigurationSets", listKey: "ConfigurationSets",
                              idsKey: "ConfigurationSetNames", ids: nil, filters: filters)
    }

    /// CreateConfigurationSet with tags and a `ClientToken` (a retry returns the same set); a name already used in
    /// the region is a `ConflictException`.
    public func createConfigurationSet(name: String, tags: [String: String], clientToken: String) async throws -> JSONValue {
        try await call("CreateConfigurationSet", ["ConfigurationSetName": .string(name), "Tags": SMSVoice.tagList(tags),
                                                  "ClientToken": .string(clientToken)])
    }

    /// DeleteConfigurationSet: the set and its event destinations.
    public func deleteConfigurationSet(name: String) async throws {
        _ = try await call("DeleteConfigurationSet", ["ConfigurationSetName": .string(name)])
    }

    /// SetDefaultMessageType (`TRANSACTIONAL` or `PROMOTIONAL`) of a configuration set.
    public func setDefaultMessageType(configurationSet: String, messageType: String) async throws {
        _ = try await call("SetDefaultMessageType", ["ConfigurationSetName": .string(configurationSet),
                                                     "MessageType": .string(messageType)])
    }

    /// DeleteDefaultMessageType: the set no longer has a default message type.
    public func deleteDefaultMessageType(configurationSet: String) async throws {
        _ = try await call("DeleteDefaultMessageType", ["ConfigurationSetName": .string(configurationSet)])
    }

    /// SetDefaultSenderId of a configuration set.
    public func setDefaultSenderId(configurationSet: String, senderId: String) async throws {
        _ = try await call("SetDefaultSenderId", ["ConfigurationSetName": .string(configurationSet),
                                                  "SenderId": .string(senderId)])
    }

    /// DeleteDefaultSenderId: the set no longer has a default sender ID.
    public func deleteDefaultSenderId(configurationSet: String) async throws {
        _ = try await call("DeleteDefaultSenderId", ["ConfigurationSetName": .string(configurationSet)])
    }

    /// CreateEventDestination; `request` holds `ConfigurationSetName`, `EventDestinationName`,
    /// `MatchingEventTypes` and exactly one destination (`CloudWatchLogsDestination`, `SnsDestination`, …). A name
    /// already used in the set is a `ConflictException`; a create is not repeated on retry.
    public func createEventDestination(_ request: JSONValue) async throws {
        _ = try await call("CreateEventDestination", request, idempotency: .nonIdempotent)
    }

    /// UpdateEventDestination: the members present in `request` replace the destination's (a new destination
    /// member replaces the old target).
    public func updateEventDestination(_ request: JSONValue) async throws {
        _ = try await call("UpdateEventDestination", request)
    }

    /// DeleteEventDestination.
    public func deleteEventDestination(configurationSet: String, name: String) async throws {
        _ = try await call("DeleteEventDestination", ["ConfigurationSetName": .string(configurationSet),
                                                      "EventDestinationName": .string(name)])
    }

    /// DescribeProtectConfigurations, all pages, optionally narrowed by filters (`account-default`, …).
    public func describeProtectConfigurations(filters: [JSONValue]? = nil) async throws -> [JSONValue] {
        try await describeAll("DescribeProtectConfigurations", listKey: "ProtectConfigurations",
                              idsKey: "ProtectConfigurationIds", ids: nil, filters: filters)
    }

    /// GetProtectConfigurationCountryRuleSet: the rule of every country (`{"US": {"ProtectStatus": "ALLOW"}, …}`)
    /// for one number capability (`SMS`, `VOICE`, `MMS`).
    public func protectCountryRules(id: String, capability: String) async throws -> [String: String] {
        let output = try await call("GetProtectConfigurationCountryRuleSet",
                                    ["ProtectConfigurationId": .string(id), "NumberCapability": .string(capability)])
        return SMSVoice.countryRules(in: output)
    }

    /// TagResource.
    public func tagResource(arn: String, tags: [String: String]) async throws {
        _ = try await call("TagResource", ["ResourceArn": .string(arn), "Tags": SMSVoice.tagList(tags)])
    }

    /// UntagResource.
    public func untagResource(arn: String, keys: [String]) async throws {
        _ = try await call("UntagResource", ["ResourceArn": .string(arn), "TagKeys": .strings(keys.sorted())])
    }

    /// ListTagsForResource as a map; nil when the resource does not exist (released or deleted since it was listed).
    public func listTagsForResource(arn: String) async throws -> [String: String]? {
        let output: JSONValue
        do {
            output = try await call("ListTagsForResource", ["ResourceArn": .string(arn)])
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }
        var tags: [String: String] = [:]
        for tag in output["Tags"]?.arrayValue ?? [] {
            if let key = tag["Key"]?.stringValue { tags[key] = tag["Value"]?.stringValue ?? "" }
        }
        return tags
    }

    /// Tags in this service's list form, sorted by key: `[{"Key": …, "Value": …}]`.
    public static func tagList(_ tags: [String: String]) -> JSONValue {
        .array(tags.sorted { $0.key < $1.key }.map { ["Key": .string($0.key), "Value": .string($0.value)] })
    }

    /// A create carrying a `ClientToken` is safe to retry; one without is not.
    static func idempotency(of request: JSONValue) -> Idempotency {
        request["ClientToken"]?.stringValue == nil ? .nonIdempotent : .idempotent
    }

    /// Runs a Describe* operation through every page.
    private func describeAll(_ operation: String, listKey: String, idsKey: String, ids: JSONValue?,
                             filters: [JSONValue]?) async throws -> [JSONValue] {
        var input: [String: JSONValue] = [:]
        if let ids { input[idsKey] = ids }
        if let filters { input["Filters"] = .array(filters) }
        return try await allPages(operation, input: input, listKey: listKey)
    }

    /// The `listKey` items of every page of `operation` with `input` (following `NextToken`).
    func allPages(_ operation: String, input: [String: JSONValue], listKey: String) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var token: String?
        repeat {
            var page = input
            if let token { page["NextToken"] = .string(token) }
            let output = try await call(operation, .object(page))
            items += output[listKey]?.arrayValue ?? []
            token = output["NextToken"]?.stringValue
        } while token != nil
        return items
    }

    /// One JSON call to the service in this region.
    func call(_ operation: String, _ input: JSONValue, idempotency: Idempotency = .idempotent) async throws -> JSONValue {
        try await client.json(.pinpointSMSVoiceV2, region: region, operation: operation, input: input.withoutNulls,
                              idempotency: idempotency, as: JSONValue.self)
    }
}
