import AWSServices
import Foundation
import Manifests
import Synchronization

/// The field definitions of the registration types a run uses, as AWS answers them (DescribeRegistrationFieldDefinitions),
/// by region and type: the Registration read asks AWS once per type and region per run and records them here, and
/// the Registration plan checks the manifest's fields against them (the offline snapshot is only what `validate`
/// uses). Reused for a day (`maxAge`): in memory, and in the status folder's cache
/// (`<status folder>/.cache/registration-field-definitions/<region>/<type>.json`: the day and time they were read and
/// AWS's answer), so runs on the same status folder ask AWS once a day per type and region; with an S3 state, once
/// per process (each CLI run, the controller once a day).
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
    /// (one DescribeRegistrationFieldDefinitions per type, all pages) and records them; `cache` (the status
    /// folder's cache directory) is read first and written after a read from AWS.
    static func read(types: Set<String>, region: String, sms: SMSVoice, now: Date, cache: URL?) async throws {
        func fresh(_ entry: Entry?) -> Bool {
            guard let entry else { return false }
            return entry.fetched <= now && now.timeIntervalSince(entry.fetched) < maxAge
        }
        for type in types.sorted() {
            if fresh(shared.entry(region: region, type: type)) { continue }
            let file = cache.map { cacheFile(in: $0, region: region, type: type) }
            if let file, let cached = load(file), fresh(cached) {
                shared.record(cached, region: region, type: type)
                continue
            }
            let json = try await sms.registrationFieldDefinitions(type: type)
            shared.record(Entry(definitions: json.compactMap(definition), fetched: now), region: region, type: type)
            if let file { save(CachedAnswer(fetched: now, definitions: json), to: file) }
        }
    }

    /// What the cache file holds: when AWS answered and its `RegistrationFieldDefinitions`.
    struct CachedAnswer: Codable, Equatable {
        var fetched: Date
        var definitions: [JSONValue]
    }

    /// `<cache>/registration-field-definitions/<region>/<type>.json`.
    static func cacheFile(in cache: URL, region: String, type: String) -> URL {
        cache.appendingPathComponent("registration-field-definitions").appendingPathComponent(region)
            .appendingPathComponent(type + ".json")
    }

    /// The entry a cache file holds; nil when there is none or it cannot be read (then AWS is asked again).
    static func load(_ file: URL) -> Entry? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let answer = try? decoder.decode(CachedAnswer.self, from: data) else { return nil }
        return Entry(definitions: answer.definitions.compactMap(definition), fetched: answer.fetched)
    }

    /// Writes `answer` to `file` (atomically); a cache that cannot be written only costs a read next run.
    static func save(_ answer: CachedAnswer, to file: URL) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(answer) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? AtomicFile.save(data, to: file)
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
