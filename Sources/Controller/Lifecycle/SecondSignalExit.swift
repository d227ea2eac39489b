import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Exits the process at once on the second SIGTERM or SIGINT: the first one starts the graceful shutdown
/// (swift-service-lifecycle), a second one means "now". Unchecked: dispatch sources are thread-safe and never
/// mutated after `init`.
public final class SecondSignalExit: @unchecked Sendable {
    /// The signal sources; kept alive while this value lives.
    private var sources: [any DispatchSourceSignal] = []
    /// SIGTERMs and SIGINTs received so far.
    private let received = Mutex(0)

    /// Starts counting SIGTERM and SIGINT; on the second, writes `message` to standard error and exits with `status`.
    public init(status: Int32 = 1, message: String = "second signal: exiting now\n") {
        let queue = DispatchQueue(label: "smsauth.controller.signals")
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self, received.withLock({ count in
                    count += 1
                    return count
                }) >= 2 else { return }
                _ = message.withCString { write(2, $0, strlen($0)) }
                _exit(status)
            }
            source.activate()
            return source
        }
    }
}
