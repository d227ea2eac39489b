/// What a `Registration` with `submit: true` of an `ASSOCIATE_BEFORE_SUBMIT` type (toll-free) waits for before
/// smsauth submits it, as status messages and plans say it. Neither wait ends by AWS's review: the controller looks
/// at such a registration every pending poll, not every registration poll (`endsWithoutReview`).
public enum RegistrationWait {
    /// The words that mark a registration waiting for a number to be associated with it.
    public static let association = "waiting for an associated number"
    /// The words that mark a draft whose number is associated now: the next run submits it.
    public static let submission = "the next run submits it"
    /// AWS's `AssociationBehavior` that makes it wait.
    public static let behavior = "ASSOCIATE_BEFORE_SUBMIT"

    /// Whether a Registration's status `message` says it waits for smsauth (an association, then its next run),
    /// not for AWS's review.
    public static func endsWithoutReview(_ message: String?) -> Bool {
        guard let message else { return false }
        return message.contains(association) || message.contains(submission)
    }
}
