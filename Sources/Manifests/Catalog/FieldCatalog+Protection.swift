extension FieldCatalog {
    /// One capability's compact country lists.
    private static func countryLists(_ capability: String, modes: Bool) -> FieldSpec {
        let list = { (name: String, text: String) in
            FieldSpec(name, .list(.string), text + " (ISO 3166-1 alpha-2 codes, e.g. US).", .mutable,
                      default: .derived("none"))
        }
        var fields = [list("allow", "Countries allowed; every other country is blocked (exclusive with block)"),
                      list("block", "Countries blocked; every other country is allowed (exclusive with allow)")]
        if modes {
            fields += [list("monitor", "Countries sent to in MONITOR mode (sent, and scored for fraud)"),
                       list("filter", "Countries sent to in FILTER mode (sent unless scored as fraud)")]
        }
        return FieldSpec(capability, .object(fields), "\(capability.uppercased()) country rules, compared country by "
                         + "country with the rule AWS keeps for every country.", .mutable,
                         default: .derived("not managed"))
    }

    /// `SmsProtection` spec fields.
    static let smsProtection: [FieldSpec] = [
        region,
        countryLists("sms", modes: true),
        countryLists("voice", modes: false),
        countryLists("mms", modes: false),
        FieldSpec("accountDefault", .boolean, "The account's default protect configuration in the region: it governs "
                  + "every message that names no configuration set with one (Cognito's too).", .mutable,
                  default: .value("false")),
        FieldSpec("configurationSets", .list(.string), "Names of ConfigurationSet manifests whose messages this "
                  + "protect configuration governs.", .mutable, default: .derived("none")),
        FieldSpec("deletionProtection", .boolean, "AWS refuses to delete the protect configuration while on.",
                  .mutable, default: .value("false")),
        tags,
    ]
}
