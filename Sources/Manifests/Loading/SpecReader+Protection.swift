extension SpecReader {
    /// `SmsProtection` spec; every field is optional, so it is never nil.
    static func smsProtection(_ r: MappingReader) -> SmsProtectionSpec? {
        var spec = SmsProtectionSpec()
        spec.region = r.string("region")
        for capability in [NumberCapability.sms, .voice, .mms] {
            guard let lists = r.object(capability.rawValue.lowercased()) else { continue }
            spec.rules[capability] = .init(location: lists.location, allow: lists.strings("allow"),
                                           block: lists.strings("block"), monitor: lists.strings("monitor"),
                                           filter: lists.strings("filter"))
        }
        spec.accountDefault = r.bool("accountDefault")
        spec.configurationSets = r.strings("configurationSets")
        spec.deletionProtection = r.bool("deletionProtection")
        spec.tags = r.stringMap("tags")
        return spec
    }
}
