import AWSServices
import Foundation
import Manifests
import Synchronization

/// The field definitions of the registration types a run uses, as AWS answers them (DescribeRegistrationFieldDefinitions),
/// by region and type: the Registration read asks AWS once per type and region per run and records them here, and
/// the Registration plan checks the manifest's fields against them (the offline snapshot is only what `validate`
/// uses). Kept in memory for a day (`maxAge`): a CLI run asks once per type and region (its re-read after the apply
/// reuses them), the controller once a day. Not written to disk: a new process asks AWS again.
final class RegistrationFieldDefinitionsRead: Sendable {
    /// The definitions of one type in one region and when they were read.
    struct Entry: Sendable, Equatable {
        var definitions: [RegistrationFieldDefinition]
        var fetched: Date
    }

    /// The one store the Registration handler's read fills and its plan reads (the plan is pure and has no other
    /// way to the run's reads).
    static let shared = RegistrationFieldDefinitionsRead()

    private let entries = Mutex<[String: Entry]>([:])

    private static func key(region: String, type: String) -> String { region + "/" + type }

    /// The definitions of `type` in `region` read by the latest read of them, nil when none was read.
    func entry(region: String, type: String) -> Entry? {
        entries.withLock { $0[Self.key(region: region, type: type)] }
    }

    /// Records what a read answered.
    func record(_ entry: Entry, region: String, type: String) {
        entries.withLock { $0[Self.key(region: region, type: type)] = entry }
    }

    /// How long definitions read from AWS are reused.
    static let maxAge: TimeInterval = 24 * 60 * 60

    /// Reads the definitions of every type in `types` of `region` that were not read in the last `maxAge` from AWS
    /// (one DescribeRegistrationFieldDefinitions per type, all pages) and records them.
    static func read(types: Set<String>, region: String, sms: SMSVoice, now: Date) async throws {
        for type in types.sorted() {
            if let known = shared.entry(region: region, type: type), now.timeIntervalSince(known.fetched) < maxAge,
               known.fetched <= now { continue }
            let json = try await sms.registrationFieldDefinitions(type: type)
            shared.record(Entry(definitions: json.compactMap(definition), fetched: now), region: region, type: type)
        }
    }

    /// One AWS `RegistrationFieldDefinition`; nil without a path or with an unknown type.
    static func definition(_ json: JSONValue) -> RegistrationFieldDefinition? {
        guard let path = json["FieldPath"]?.stringValue,
              let type = json["FieldType"]?.stringValue.flatMap(RegistrationFieldType.init(rawValue:)) else {
            return nil
        }
        let requirement = json["FieldRequirement"]?.stringValue.flatMap(RegistrationFieldRequirement.init(rawValue:))
            ?? .optional
        let text = json["TextValidation"], select = json["SelectValidation"]
        func range(_ low: JSONValue?, _ high: JSONValue?) -> ClosedRange<Int>? {
            guard let low = low?.intValue, let high = high?.intValue, low <= high else { return nil }
            return low...high
        }
        return RegistrationFieldDefinition(
            path: path, type: type, requirement: requirement,
            length: type == .text ? range(text?["MinLength"], text?["MaxLength"]) : nil,
            pattern: type == .text ? text?["Pattern"]?.stringValue : nil,
            choices: type == .select ? range(select?["MinChoices"], select?["MaxChoices"]) : nil,
            options: type == .select ? (select?["Options"]?.arrayValue ?? []).compactMap(\.stringValue) : [])
    }

    /// "field definitions read from AWS (DescribeRegistrationFieldDefinitions, REGION) on DATE".
    static func provenance(region: String, fetched: Date) -> String {
        let day = ISO8601DateFormatter.string(from: fetched, timeZone: TimeZone(identifier: "UTC")!,
                                              formatOptions: [.withFullDate])
        return "field definitions read from AWS (DescribeRegistrationFieldDefinitions, \(region)) on \(day)"
    }
}
