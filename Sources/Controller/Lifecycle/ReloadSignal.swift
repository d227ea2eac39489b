import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// SIGHUP asks for a reload instead of ending the process (its default action, exit 129): the handler is called
/// on every SIGHUP while this value lives. Unchecked: the dispatch source is thread-safe and never mutated after
/// `init`.
public final class ReloadSignal: @unchecked Sendable {
    /// The signal source; kept alive while this value lives.
    private let source: any DispatchSourceSignal

    /// Starts handling SIGHUP with `handler`.
    public init(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGHUP, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "smsauth.controller.reload"))
        source.setEventHandler(handler: handler)
        source.activate()
    }

    /// Stops handling SIGHUP.
    deinit {
        source.cancel()
    }
}
