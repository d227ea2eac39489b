import AWSServices
import Foundation
import Manifests

/// The plan fields of an app client's deliveries, compared like its other fields:
/// - `secret`: `{"secretsManager:NAME": (sensitive)}` — where the secret is; the value itself is never known to
///   the plan. Live: the named location when smsauth's secret is there, else the recorded one (a changed target),
///   else null (missing: written by the update).
/// - `outputs`: `{"ssmParameter": NAME, "content": …}` — the parameter and the document it should hold (built from
///   the live pool and client; `(known after apply)` while the client does not exist).
/// A manifest that drops `spec.secret` or `spec.outputs` while smsauth still owns the old location plans it away
/// (null).
enum AppClientDeliveryFields {
    /// Plan paths.
    static let secretPath = "secret"
    static let outputsPath = "outputs"

    /// The desired delivery fields of `spec`, given what was read.
    static func desired(_ spec: AppClientSpec, deliveries: AppClientDeliveries?) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [:]
        if let location = DeliveryLocation.secret(of: spec) {
            fields[secretPath] = secretValue(location)
        } else if deliveries?.ownedSecret != nil {
            fields[secretPath] = .null
        }
        if let location = DeliveryLocation.outputs(of: spec) {
            var planned = PlanValue.string(UserPoolSmsSettings.knownAfterApply)
            if let configuration = deliveries?.configuration {
                planned = content(document(for: configuration, spec: spec))
            }
            fields[outputsPath] = outputsValue(location, content: planned)
        } else if deliveries?.ownedOutputs != nil {
            fields[outputsPath] = .null
        }
        return fields
    }

    /// The live delivery fields.
    static func live(_ deliveries: AppClientDeliveries) -> [String: PlanValue] {
        var fields: [String: PlanValue] = [:]
        if let location = deliveries.ownedSecret { fields[secretPath] = secretValue(location) }
        if let location = deliveries.ownedOutputs, case let .owned(value) = deliveries.state(of: location) {
            fields[outputsPath] = outputsValue(location, content: value.map(content) ?? .null)
        }
        return fields
    }

    /// Why the deliveries cannot be made at all, or nil: a named location that holds something smsauth does not own.
    static func refusal(_ spec: AppClientSpec, deliveries: AppClientDeliveries?) -> String? {
        for location in [DeliveryLocation.secret(of: spec), DeliveryLocation.outputs(of: spec)].compactMap({ $0 }) {
            switch deliveries?.state(of: location) {
            case .foreign?:
                return "\(location) exists without smsauth's ownership tags for this AppClient; smsauth never overwrites it: delete it or name another"
            case .deletionScheduled?:
                return "\(location) is scheduled for deletion; restore it (RestoreSecret) or name another"
            case .absent?, .owned?, nil:
                continue
            }
        }
        return nil
    }

    /// The document the outputs parameter holds for `configuration` (format `spec.outputs.format`, default json).
    static func document(for configuration: ClientConfiguration, spec: AppClientSpec) -> String {
        ClientConfigurationDocument.parameterValue(configuration, format: spec.outputs?.format?.value ?? .json)
    }

    /// `{"secretsManager:NAME": (sensitive)}`.
    private static func secretValue(_ location: DeliveryLocation) -> PlanValue {
        .map([location.description: .sensitive])
    }

    /// `{"ssmParameter": NAME, "content": …}`.
    private static func outputsValue(_ location: DeliveryLocation, content: PlanValue) -> PlanValue {
        .map(["ssmParameter": .string(location.name), "content": content])
    }

    /// A document as a plan value: parsed JSON, else (env lines) the text.
    private static func content(_ text: String) -> PlanValue {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return .string(text) }
        return PlanValue(json)
    }
}

extension AppClientDeliveryFields {
    /// `change`, and when it replaces the client, the deliveries it rewrites shown as changes too: the new client
    /// has a new secret (written to the same location) and a new id (the outputs content is known after apply).
    static func showingRewrites(of change: ResourceChange, desired: [String: PlanValue],
                                live: [String: PlanValue]) throws(PlanError) -> ResourceChange {
        guard change.action == .replace else { return change }
        var rewritten: [FieldChange] = []
        if let secret = desired[secretPath], secret != .null {
            rewritten.append(FieldChange(path: secretPath, before: live[secretPath] ?? .null, after: secret))
        }
        if case let .map(outputs)? = desired[outputsPath] {
            var after = outputs
            after["content"] = .string(UserPoolSmsSettings.knownAfterApply)
            rewritten.append(FieldChange(path: outputsPath, before: live[outputsPath] ?? .null, after: .map(after)))
        }
        guard !rewritten.isEmpty else { return change }
        let paths = Set(rewritten.map(\.path))
        let fields = (change.fieldChanges.filter { !paths.contains($0.path) } + rewritten).sorted { $0.path < $1.path }
        return try change.revised(fieldChanges: fields)
    }
}
