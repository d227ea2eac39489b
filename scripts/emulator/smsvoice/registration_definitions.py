"""Registration type, section and field definitions (DescribeRegistrationTypeDefinitions,
DescribeRegistrationSectionDefinitions, DescribeRegistrationFieldDefinitions) of the three registration types the
emulator knows.

This is a small subset modelled on AWS's public registration form for each type (End User Messaging SMS user guide:
"Toll-free registration", "10DLC registration" for brands and campaigns), not AWS's exact list: AWS's forms have more
fields, and its field paths, lengths and options may differ. Each entry has the model's shape
(``RegistrationTypeDefinition``, ``RegistrationSectionDefinition``, ``RegistrationFieldDefinition``).
"""

from typing import Any

TOLL_FREE = "US_TOLL_FREE_REGISTRATION"
BRAND = "US_TEN_DLC_BRAND_REGISTRATION"
CAMPAIGN = "US_TEN_DLC_CAMPAIGN_REGISTRATION"
# The origination identity type of an association (``SupportedAssociation.ResourceType``).
PHONE_NUMBER = "PHONE_NUMBER"
# Which NumberType a registration type's associations take.
ASSOCIATED_NUMBER_TYPE = {TOLL_FREE: "TOLL_FREE", CAMPAIGN: "TEN_DLC"}

EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
URL = r"^https?://\S+$"
E164 = r"^\+[1-9][0-9]{1,14}$"
ANY = r"^[\s\S]*$"
VOLUMES = ["10", "100", "1,000", "10,000", "100,000", "250,000", "500,000", "750,000", "1,000,000", "5,000,000",
           "10,000,000+"]
TOLL_FREE_USE_CASES = ["TWO_FACTOR_AUTHENTICATION", "ONE_TIME_PASSWORD", "NOTIFICATIONS", "CUSTOMER_CARE",
                       "MARKETING", "MIXED"]
CAMPAIGN_USE_CASES = ["TWO_FACTOR_AUTHENTICATION", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "MARKETING", "MIXED"]
COMPANY_TYPES = ["PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT"]


def _hints(title: str, short: str) -> dict[str, str]:
    return {"Title": title, "ShortDescription": short}


def _text(path: str, requirement: str, title: str, short: str, max_length: int, pattern: str = ANY,
          min_length: int = 1) -> dict[str, Any]:
    return {
        "SectionPath": path.split(".", 1)[0], "FieldPath": path, "FieldType": "TEXT", "FieldRequirement": requirement,
        "TextValidation": {"MinLength": min_length, "MaxLength": max_length, "Pattern": pattern},
        "DisplayHints": _hints(title, short),
    }


def _select(path: str, requirement: str, title: str, short: str, options: list[str]) -> dict[str, Any]:
    return {
        "SectionPath": path.split(".", 1)[0], "FieldPath": path, "FieldType": "SELECT", "FieldRequirement": requirement,
        "SelectValidation": {"MinChoices": 1, "MaxChoices": 1, "Options": list(options)},
        "DisplayHints": {**_hints(title, short),
                         "SelectOptionDescriptions": [{"Option": option} for option in options]},
    }


def _attachment(path: str, requirement: str, title: str, short: str) -> dict[str, Any]:
    return {
        "SectionPath": path.split(".", 1)[0], "FieldPath": path, "FieldType": "ATTACHMENT",
        "FieldRequirement": requirement, "DisplayHints": _hints(title, short),
    }


TYPES: dict[str, dict[str, Any]] = {
    TOLL_FREE: {
        "RegistrationType": TOLL_FREE,
        # The model's AssociationBehavior doc: ASSOCIATE_BEFORE_SUBMIT, "the origination identity has to be supplied
        # when creating a registration" (AWS's toll-free flow: request the number, then register it).
        "SupportedAssociations": [{"ResourceType": PHONE_NUMBER, "IsoCountryCode": "US",
                                   "AssociationBehavior": "ASSOCIATE_BEFORE_SUBMIT",
                                   "DisassociationBehavior": "DISASSOCIATE_ALL_CLOSES_REGISTRATION"}],
        "DisplayHints": _hints("US toll-free number registration",
                               "Register a US toll-free number before it sends SMS to US destinations."),
    },
    BRAND: {
        "RegistrationType": BRAND,
        "DisplayHints": _hints("US 10DLC brand registration",
                               "Register the company that sends 10DLC messages; campaigns refer to the brand."),
    },
    CAMPAIGN: {
        "RegistrationType": CAMPAIGN,
        # The model's AssociationBehavior doc: ASSOCIATE_AFTER_COMPLETE applies "for example [to] 10DLC campaigns".
        "SupportedAssociations": [{"ResourceType": PHONE_NUMBER, "IsoCountryCode": "US",
                                   "AssociationBehavior": "ASSOCIATE_AFTER_COMPLETE",
                                   "DisassociationBehavior": "DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION"}],
        "DisplayHints": _hints("US 10DLC campaign registration",
                               "Register a messaging campaign of a registered brand; 10DLC numbers join it."),
    },
}

SECTIONS: dict[str, list[dict[str, Any]]] = {
    TOLL_FREE: [
        {"SectionPath": "companyInfo", "DisplayHints": _hints("Company info", "The company that sends the messages.")},
        {"SectionPath": "contactInfo", "DisplayHints": _hints("Contact info", "Who the carriers may contact.")},
        {"SectionPath": "messagingUseCase",
         "DisplayHints": _hints("Messaging use case", "What the number sends, how often, and how recipients opt in.")},
        {"SectionPath": "messageSamples", "DisplayHints": _hints("Message samples", "Examples of sent messages.")},
    ],
    BRAND: [
        {"SectionPath": "companyInfo", "DisplayHints": _hints("Company info", "The company behind the brand.")},
        {"SectionPath": "contactInfo", "DisplayHints": _hints("Contact info", "Who the carriers may contact.")},
    ],
    CAMPAIGN: [
        {"SectionPath": "campaignInfo", "DisplayHints": _hints("Campaign info", "The brand and the campaign.")},
        {"SectionPath": "messagingUseCase",
         "DisplayHints": _hints("Messaging use case", "What the campaign sends and how recipients opt in.")},
        {"SectionPath": "messageSamples", "DisplayHints": _hints("Message samples", "Examples of sent messages.")},
    ],
}

FIELDS: dict[str, list[dict[str, Any]]] = {
    TOLL_FREE: [
        _text("companyInfo.companyName", "REQUIRED", "Company name", "The legal name of the company.", 100),
        _text("companyInfo.website", "REQUIRED", "Company website", "The company's public website.", 500, URL),
        _text("companyInfo.address1", "REQUIRED", "Address", "The company's street address.", 100),
        _text("contactInfo.supportEmail", "REQUIRED", "Support email", "An email address for support.", 100, EMAIL),
        _text("contactInfo.supportPhoneNumber", "REQUIRED", "Support phone number",
              "A phone number for support, in E.164 format.", 16, E164),
        _select("messagingUseCase.monthlyMessageVolume", "REQUIRED", "Monthly message volume",
                "How many messages are sent in a month.", VOLUMES),
        _select("messagingUseCase.useCaseCategory", "REQUIRED", "Use case category", "What the messages are for.",
                TOLL_FREE_USE_CASES),
        _text("messagingUseCase.optInDescription", "REQUIRED", "Opt-in workflow description",
              "How recipients agree to receive the messages.", 500),
        _attachment("messagingUseCase.optInImage", "CONDITIONAL", "Opt-in workflow image",
                    "A screenshot of the opt-in workflow, when it is not publicly visible."),
        _text("messageSamples.messageSample1", "REQUIRED", "Message sample 1", "A message the number sends.", 1024),
        _text("messageSamples.messageSample2", "OPTIONAL", "Message sample 2", "Another message the number sends.",
              1024),
    ],
    BRAND: [
        _text("companyInfo.legalCompanyName", "REQUIRED", "Legal company name", "The company's legal name.", 100),
        _select("companyInfo.companyType", "REQUIRED", "Company type", "The company's legal form.", COMPANY_TYPES),
        _text("companyInfo.taxId", "CONDITIONAL", "Tax ID", "The company's tax id (EIN), unless a non-profit.", 21),
        _text("companyInfo.website", "REQUIRED", "Company website", "The company's public website.", 500, URL),
        _text("contactInfo.email", "REQUIRED", "Contact email", "The brand contact's email address.", 100, EMAIL),
    ],
    CAMPAIGN: [
        _text("campaignInfo.brandRegistrationId", "REQUIRED", "Brand registration",
              "The id of the completed brand registration.", 64, r"^registration-[0-9a-f]{32}$"),
        _select("messagingUseCase.useCaseCategory", "REQUIRED", "Use case", "What the campaign sends.",
                CAMPAIGN_USE_CASES),
        _text("messagingUseCase.optInDescription", "REQUIRED", "Opt-in workflow description",
              "How recipients agree to receive the messages.", 500),
        _text("messageSamples.messageSample1", "REQUIRED", "Message sample 1", "A message the campaign sends.", 1024),
        _text("messageSamples.messageSample2", "OPTIONAL", "Message sample 2", "Another message the campaign sends.",
              1024),
    ],
}


def field_definition(registration_type: str, path: str) -> dict[str, Any] | None:
    """The definition of the field at `path` of `registration_type`, if the type has one."""
    return next((entry for entry in FIELDS.get(registration_type, []) if entry["FieldPath"] == path), None)


def required_paths(registration_type: str) -> list[str]:
    """The paths of the REQUIRED fields of `registration_type`, in form order."""
    return [entry["FieldPath"] for entry in FIELDS.get(registration_type, []) if entry["FieldRequirement"] == "REQUIRED"]
