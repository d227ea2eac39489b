#if canImport(Glibc)
    import Glibc
#endif

/// glibc malloc settings for a long-running process that is idle most of the time.
///
/// glibc gives every thread that allocates an arena of its own (up to eight per core), and keeps freed memory in
/// the arena it came from. The controller's allocations come from many threads (Swift concurrency's pool, Dispatch
/// workers of the parallel manifest loader, the HTTP clients' and server's event loops), so after the initial sync most
/// of the heap RSS was free memory spread over nine arenas (measured: 2.2 MB in use of 9.1 MB).
///
/// `mallopt` and `malloc_trim` are declared in `<malloc.h>`, which the Glibc module does not include; they are
/// looked up with `dlsym` instead. Elsewhere (another C library) both calls do nothing.
public enum MallocTuning {
    /// `M_ARENA_MAX` of `<malloc.h>`.
    static let arenaMaxOption: Int32 = -8

    /// Limits glibc malloc to `arenas` arenas (`M_ARENA_MAX`); threads share them. Call first thing at start:
    /// arenas that already exist stay. The controller's allocation rate is low, so lock contention does not matter.
    /// Returns whether the setting was applied.
    @discardableResult
    public static func limitArenas(to arenas: Int32 = 2) -> Bool {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let mallopt = function("mallopt", as: Mallopt.self) else { return false }
        return mallopt(arenaMaxOption, arenas) == 1
    }

    /// Returns the free pages of every arena to the kernel (`malloc_trim(0)`). glibc trims only the top of the
    /// main heap by itself; memory freed after a burst of work (a full sync) would otherwise stay resident.
    public static func releaseFreeMemory() {
        typealias MallocTrim = @convention(c) (UInt) -> Int32
        guard let trim = function("malloc_trim", as: MallocTrim.self) else { return }
        _ = trim(0)
    }

    /// The C function `name` of the running process, or nil when there is none.
    private static func function<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if canImport(Glibc)
            guard let symbol = dlsym(nil, name) else { return nil }
            return unsafeBitCast(symbol, to: type)
        #else
            return nil
        #endif
    }
}
