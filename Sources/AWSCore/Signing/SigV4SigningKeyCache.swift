import Foundation
import Synchronization

/// Signing keys already derived, so a signer derives each key once per day, region and service instead of four
/// HMACs on every request (as aws-sdk-go-v2's derived-key cache does). An entry is used only for the secret it was
/// derived from: rotated credentials derive anew. Holds at most `capacity` entries; a full cache is emptied before
/// the next one is stored (a process signs for a handful of scopes).
final class SigV4SigningKeyCache: Sendable {
    /// One derived key and what it was derived from.
    private struct Entry {
        let secretAccessKey: String
        let key: SigV4SigningKey
    }

    /// The scope a key signs for.
    private struct Scope: Hashable {
        let accessKeyId: String
        let date: String
        let region: String
        let service: String
    }

    /// The most entries kept.
    let capacity: Int
    private let entries = Mutex<[Scope: Entry]>([:])

    /// Creates an empty cache holding at most `capacity` keys.
    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    /// The signing key for `credentials` on `date` (`yyyyMMdd`) in `region` for `service`, derived by `derive`
    /// unless this cache holds it for the same secret.
    func key(for credentials: AWSCredentials, date: String, region: String, service: String,
             derive: (_ secretAccessKey: String) -> Data) -> SigV4SigningKey {
        let scope = Scope(accessKeyId: credentials.accessKeyId, date: date, region: region, service: service)
        let secret = credentials.secretAccessKey
        // Bytes, not `String ==` (which equates canonically equivalent text): the key is derived from the bytes.
        if let entry = entries.withLock({ $0[scope] }), entry.secretAccessKey.utf8.elementsEqual(secret.utf8) {
            return entry.key
        }
        let key = SigV4SigningKey(derive(secret))
        entries.withLock { entries in
            if entries.count >= capacity, entries[scope] == nil { entries.removeAll(keepingCapacity: true) }
            entries[scope] = Entry(secretAccessKey: secret, key: key)
        }
        return key
    }

    /// How many keys are held (for tests).
    var count: Int { entries.withLock { $0.count } }
}
