import Testing

@testable import smsauth

/// The controller's duration flags (`--debounce 500ms`, `--resync-period 10m`, `--prune-delay 30`, ...).
@Suite struct DurationArgumentTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("10m", .seconds(600)), ("1h", .seconds(3600)),
        ("2.5s", .milliseconds(2500)), ("30", .seconds(30)), ("0", .zero), ("8760h", .seconds(365 * 24 * 3600)),
        ("1e3ms", .seconds(1)),
    ])
    func accepted(_ text: String, _ duration: Duration) throws {
        let parsed = try DurationArgument(parsing: text)
        #expect(parsed.duration == duration)
        #expect(parsed.description == text)
    }

    /// Values beyond a year used to stop the process with a trap (converted to milliseconds in an `Int64`);
    /// hexadecimal, `nan` and `inf` were taken by `Double`.
    @Test(arguments: [
        ("1e300", DurationArgumentError.outOfRange("1e300")), ("9999999999999999h", .outOfRange("9999999999999999h")),
        ("9223372036854775807", .outOfRange("9223372036854775807")), ("8761h", .outOfRange("8761h")),
        ("-1s", .outOfRange("-1s")), ("0x10", .malformed("0x10")), ("nan", .malformed("nan")), ("inf", .malformed("inf")),
        ("", .malformed("")), ("ms", .malformed("ms")), ("10d", .malformed("10d")), ("1 s", .malformed("1 s")),
    ])
    func refused(_ text: String, _ error: DurationArgumentError) {
        #expect(throws: error) { try DurationArgument(parsing: text) }
    }
}
