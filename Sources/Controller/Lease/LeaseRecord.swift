import Foundation
import Reconciler

/// The content of the lease object (`lease.json`): who leads the controllers of one state, since when, and for
/// how long each renewal holds. The times are the holder's wall clock, for people; no process judges expiry from
/// them (see `ControllerLease`).
public struct LeaseRecord: Codable, Sendable, Equatable {
    /// The holding process: a random id made at start, unique per process.
    public var holder: String
    /// Host name of the holder.
    public var host: String
    /// Process id of the holder.
    public var pid: Int32
    /// Incremented by every acquisition or takeover; status records carry it (`leaseGeneration`).
    public var generation: Int
    /// When the holder acquired it.
    public var acquiredAt: Date
    /// When the holder last renewed it.
    public var renewedAt: Date
    /// How long the lease holds after a renewal, in seconds (the holder's `--lease-duration`).
    public var durationSeconds: Double
    /// How many times the holder renewed it: every renewal writes other bytes, so the object's version (its entity
    /// tag, a digest of the bytes on S3) changes with each one even when the times, in whole seconds, do not.
    public var renewals: Int?
    /// Set when the holder let it go (shutdown) or an apply found it expired: free at once, for the next holder to
    /// take with the generation after this one. The object is kept rather than deleted, so the generation never goes
    /// back (a state claimed by generation 2 would refuse a leader of a new generation 1).
    public var released: Bool?

    /// Creates a record.
    public init(holder: String, host: String, pid: Int32, generation: Int, acquiredAt: Date, renewedAt: Date,
                durationSeconds: Double, renewals: Int? = nil, released: Bool? = nil) {
        self.holder = holder
        self.host = host
        self.pid = pid
        self.generation = generation
        self.acquiredAt = acquiredAt
        self.renewedAt = renewedAt
        self.durationSeconds = durationSeconds
        self.renewals = renewals
        self.released = released
    }

    /// The highest generation a record may hold: every integer up to it is exact as a JSON number read as a double
    /// (state documents and status records carry the generation), and one more still is.
    public static let maximumGeneration = 1 << 52

    /// Whether the lease is free: released by its holder or by an apply that found it expired.
    public var isReleased: Bool { released == true }

    /// This record, released.
    public var releasing: LeaseRecord {
        var record = self
        record.released = true
        return record
    }

    /// The longest a lease holds: `duration` reads a longer one as this, so a leader is never given more.
    public static let maximumDuration: Duration = .seconds(3600)

    /// `durationSeconds` as a duration, within 0 s...`maximumDuration` (a hand-edited value cannot hold the lease
    /// longer).
    public var duration: Duration {
        let limit = Self.maximumDuration.inSeconds
        let seconds = durationSeconds.isFinite ? min(max(durationSeconds, 0), limit) : limit
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// The record's JSON (sorted keys, ISO 8601 times).
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        // A struct of strings, numbers and dates always encodes.
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// The record in `data`, or nil when it is not a lease record (its generation outside 0...`maximumGeneration`
    /// included: a hand-edited object is an unknown holder, not a generation to count on).
    static func decode(_ data: Data) -> LeaseRecord? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let record = try? decoder.decode(LeaseRecord.self, from: data),
              (0...maximumGeneration).contains(record.generation) else { return nil }
        return record
    }

    /// `holder on host (pid N), generation G`, for logs and messages.
    public var summary: String {
        "\(holder) on \(host) (pid \(pid)), generation \(generation)"
    }
}

/// Who this process is, as a lease holder.
public struct LeaseIdentity: Sendable, Equatable {
    /// A random id, unique per process.
    public let holder: String
    /// Host name.
    public let host: String
    /// Process id.
    public let pid: Int32

    /// Creates an identity.
    public init(holder: String, host: String, pid: Int32) {
        self.holder = holder
        self.host = host
        self.pid = pid
    }

    /// This process: a fresh random id, the host name and the pid.
    public static func current() -> LeaseIdentity {
        LeaseIdentity(holder: UUID().uuidString.lowercased(), host: StatusLockHolder.hostName(),
                      pid: ProcessInfo.processInfo.processIdentifier)
    }
}
