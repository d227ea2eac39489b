/// What an app client's deliveries look like in AWS: the configuration its outputs parameter should hold (built
/// from the live pool and client) and the state of every location the manifest names or the status file records.
struct AppClientDeliveries: Sendable, Equatable {
    /// The client configuration from live state; nil when the manifest has no `spec.outputs`.
    var configuration: ClientConfiguration?
    /// The outputs parameter the manifest names, else nil.
    var desiredOutputs: DeliveryLocation?
    /// The secret location the manifest names, else nil.
    var desiredSecret: DeliveryLocation?
    /// The outputs parameter recorded in status (where an earlier run wrote), else nil.
    var recordedOutputs: DeliveryLocation?
    /// The secret location recorded in status, else nil.
    var recordedSecret: DeliveryLocation?
    /// What exists at each of those locations.
    var targets: [DeliveryLocation: DeliveryTargetState]

    /// No deliveries.
    init(configuration: ClientConfiguration? = nil, desiredOutputs: DeliveryLocation? = nil,
                desiredSecret: DeliveryLocation? = nil, recordedOutputs: DeliveryLocation? = nil,
                recordedSecret: DeliveryLocation? = nil, targets: [DeliveryLocation: DeliveryTargetState] = [:]) {
        self.configuration = configuration
        self.desiredOutputs = desiredOutputs
        self.desiredSecret = desiredSecret
        self.recordedOutputs = recordedOutputs
        self.recordedSecret = recordedSecret
        self.targets = targets
    }

    /// The state at `location` (absent when it was not read).
    func state(of location: DeliveryLocation?) -> DeliveryTargetState {
        location.flatMap { targets[$0] } ?? .absent
    }

    /// The outputs parameter smsauth currently owns: the named one, else the recorded one.
    var ownedOutputs: DeliveryLocation? {
        [desiredOutputs, recordedOutputs].compactMap { $0 }.first { state(of: $0).isOwned }
    }

    /// The secret location smsauth currently owns: the named one, else the recorded one.
    var ownedSecret: DeliveryLocation? {
        [desiredSecret, recordedSecret].compactMap { $0 }.first { state(of: $0).isOwned }
    }
}
