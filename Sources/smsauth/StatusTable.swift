import Foundation
import Reconciler

/// The rows `smsauth status` prints, as an aligned text table or JSON.
struct StatusTable {
    /// One resource's row.
    struct Row: Encodable {
        /// `UserPool`.
        let kind: String
        /// `metadata.name`.
        let name: String
        /// `Ready`, `Pending`, …
        let phase: String
        /// ISO 8601 time of the last reconcile, or nil.
        let lastReconcileTime: String?
        /// Number of drifted fields found in the last run.
        let drift: Int
        /// The last error's message, else the Ready condition's message when not ready.
        let message: String
        /// AWS ids and ARNs.
        let resource: [String: String]
        /// The last error.
        let lastError: ErrorRecord?
    }

    /// Rows in address order.
    let rows: [Row]

    /// The rows of `statuses`.
    init(statuses: [ResourceStatus]) {
        let formatter = ISO8601DateFormatter()
        rows = statuses.sorted { $0.address < $1.address }.map { status in
            let condition = status.phase == .ready ? nil : status.condition("Ready")?.message
            return Row(kind: status.kind.rawValue, name: status.name, phase: status.phase.rawValue,
                       lastReconcileTime: status.lastReconcileTime.map(formatter.string(from:)),
                       drift: status.drift.count, message: status.lastError?.message ?? condition ?? "",
                       resource: status.resource, lastError: status.lastError)
        }
    }

    /// Aligned columns with a header line.
    func text() -> String {
        let header = ["KIND", "NAME", "PHASE", "LAST RECONCILE", "DRIFT", "MESSAGE"]
        let cells = rows.map { [$0.kind, $0.name, $0.phase, $0.lastReconcileTime ?? "-", String($0.drift), $0.message] }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        return ([header] + cells).map { line in
            line.enumerated().map { index, cell in
                index == line.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// `{"resources": [rows]}`, pretty with sorted keys.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(["resources": rows])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
