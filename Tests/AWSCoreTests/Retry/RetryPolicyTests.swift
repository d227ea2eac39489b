import Testing
@testable import AWSCore

/// Tests of RetryPolicy.
@Suite struct RetryPolicyTests {
    /// Defaults are the standard mode.
    @Test func defaultsAreTheStandardMode() {
        #expect(RetryPolicy.standard == RetryPolicy(maxAttempts: 3, baseDelay: .seconds(1), maxBackoff: .seconds(20)))
        #expect(RetryPolicy(maxAttempts: 0).attemptLimit == 1)
    }

    /// Backoff is jittered exponential capped at max backoff.
    @Test(arguments: [
        (1, 1.0, Duration.seconds(1)), (2, 1.0, .seconds(2)), (3, 1.0, .seconds(4)), (5, 1.0, .seconds(16)),
        (6, 1.0, .seconds(20)), (60, 1.0, .seconds(20)), (3, 0.5, .seconds(2)), (3, 0.0, .zero),
        (3, 7.0, .seconds(4)), (3, -1.0, .zero),
    ])
    func backoffIsJitteredExponentialCappedAtMaxBackoff(attempt: Int, random: Double, expected: Duration) {
        #expect(RetryPolicy.standard.backoff(afterAttempt: attempt, random: random) == expected)
    }

    /// Retry after is seconds capped at max backoff.
    @Test(arguments: [
        ("3", Duration?.some(.seconds(3))), ("0.25", .some(.milliseconds(250))), (" 7 ", .some(.seconds(7))),
        ("3600", .some(.seconds(20))), ("-1", nil), ("Wed, 21 Oct 2015 07:28:00 GMT", nil), ("", nil),
    ])
    func retryAfterIsSecondsCappedAtMaxBackoff(header: String, expected: Duration?) {
        #expect(RetryPolicy.standard.retryAfterDelay(header) == expected)
    }

    /// Classifies service errors.
    @Test(arguments: [
        ("ThrottlingException", 400, Idempotency.idempotent, true),
        ("Throttling", 400, .nonIdempotent, true),
        ("TooManyRequestsException", 400, .nonIdempotent, true),
        ("RequestLimitExceeded", 503, .nonIdempotent, true),
        ("HTTP429", 429, .nonIdempotent, true),
        ("LimitExceededException", 400, .idempotent, false),
        ("InternalErrorException", 500, .idempotent, true),
        ("InternalErrorException", 500, .nonIdempotent, false),
        ("ServiceUnavailable", 400, .idempotent, true),
        ("RequestTimeout", 400, .nonIdempotent, false),
        ("HTTP502", 502, .idempotent, true),
        ("HTTP504", 504, .nonIdempotent, false),
        ("NoSuchEntity", 404, .idempotent, false),
        ("ValidationException", 400, .idempotent, false),
        ("ValidationError", 400, .idempotent, false),
        ("InvalidParameterException", 400, .idempotent, false),
        ("ConcurrentModificationException", 400, .nonIdempotent, true),
        ("ConcurrentModification", 409, .nonIdempotent, true),
        ("ConcurrentAccess", 400, .idempotent, true),
    ])
    func classifiesServiceErrors(code: String, status: Int, idempotency: Idempotency, retryable: Bool) {
        let error = AWSError(service: "s", operation: "o", code: code, message: "", httpStatus: status)
        #expect(RetryClassifier.isRetryable(error, idempotency: idempotency) == retryable)
    }

    /// Transport errors are retried only when idempotent, and only when unreachable: every other kind of failure
    /// stays as it is.
    @Test(arguments: TransportError.Failure.allCases)
    func transportErrorsAreRetriedOnlyWhenIdempotentAndUnreachable(_ failure: TransportError.Failure) {
        let error = TransportError(url: "https://x", reason: "…", failure: failure)
        #expect(RetryClassifier.isRetryable(error, idempotency: .idempotent) == (failure == .unreachable))
        #expect(!RetryClassifier.isRetryable(error, idempotency: .nonIdempotent))
        #expect(error.code == "transport.\(failure.rawValue)")
    }
}
