"""Registration field values: PutRegistrationFieldValue, DescribeRegistrationFieldValues,
DeleteRegistrationFieldValue, the REQUIRED-field check of SubmitRegistrationVersion, and the lookups of the
definitions (``registration_definitions.py``) with the model's errors.

Mixed into ``SmsVoiceBackend``. A value belongs to one version of a registration (``RegistrationVersion.values``: field
path -> ``{"TextValue": …}``, ``{"SelectChoices": […]}`` or ``{"RegistrationAttachmentId": …}``) and can be changed
only while that version is the ``DRAFT``; CreateRegistrationVersion copies the previous version's values.
"""

import re
from typing import Any

from .exceptions import ConflictException, ValidationException
from .registration_definitions import FIELDS, SECTIONS, TYPES, field_definition, required_paths
from .registrations import REGISTRATION, Registration, RegistrationVersion

VALUE_KINDS = {"TEXT": "TextValue", "SELECT": "SelectChoices", "ATTACHMENT": "RegistrationAttachmentId"}


def _invalid(path: str, message: str, reason: str = "FIELD_VALIDATION_FAILED") -> ValidationException:
    return ValidationException(f"{path}: {message}", reason, [{"Name": path, "Message": message}])


def check_type(registration_type: str) -> str:
    """`registration_type`, if the emulator knows it, else ValidationException ``UNKNOWN_REGISTRATION_TYPE``."""
    if registration_type not in TYPES:
        raise _invalid("RegistrationType", f"{registration_type} is not a known registration type",
                       "UNKNOWN_REGISTRATION_TYPE")
    return registration_type


def sections(registration_type: str, paths: list[str] | None) -> list[dict[str, Any]]:
    """The section definitions of the type (those at `paths` if given, else ``UNKNOWN_REGISTRATION_SECTION``)."""
    known = SECTIONS[check_type(registration_type)]
    for path in paths or []:
        if all(entry["SectionPath"] != path for entry in known):
            raise _invalid("SectionPaths", f"{path} is not a section of {registration_type}",
                           "UNKNOWN_REGISTRATION_SECTION")
    return [entry for entry in known if not paths or entry["SectionPath"] in paths]


def fields(registration_type: str, section: str | None, paths: list[str] | None) -> list[dict[str, Any]]:
    """The field definitions of the type, of `section` and at `paths` when given (unknown ones: ValidationException
    ``UNKNOWN_REGISTRATION_SECTION`` / ``UNKNOWN_REGISTRATION_FIELD``)."""
    if section is not None:
        sections(registration_type, [section])
    for path in paths or []:
        if field_definition(check_type(registration_type), path) is None:
            raise _invalid("FieldPaths", f"{path} is not a field of {registration_type}", "UNKNOWN_REGISTRATION_FIELD")
    return [entry for entry in FIELDS[check_type(registration_type)]
            if (section is None or entry["SectionPath"] == section) and (not paths or entry["FieldPath"] in paths)]


def check_value(definition: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    """The value PutRegistrationFieldValue stores: exactly one of TextValue / SelectChoices / RegistrationAttachmentId,
    the one the field's type takes, within its TextValidation or SelectValidation."""
    path, wanted = definition["FieldPath"], VALUE_KINDS[definition["FieldType"]]
    given = [kind for kind in VALUE_KINDS.values() if kind in params]
    if len(given) > 1:
        raise _invalid(path, f"give only one of {', '.join(given)}", "PARAMETERS_CANNOT_BE_USED_TOGETHER")
    if given != [wanted]:
        raise _invalid(path, f"a {definition['FieldType']} field takes {wanted}",
                       "MISSING_PARAMETER" if not given else "INVALID_PARAMETER")
    value = params[wanted]
    if wanted == "TextValue":
        rule = definition["TextValidation"]
        if not rule["MinLength"] <= len(value) <= rule["MaxLength"]:
            raise _invalid(path, f"must be {rule['MinLength']} to {rule['MaxLength']} characters long")
        if not re.fullmatch(rule["Pattern"], value):
            raise _invalid(path, f"must match {rule['Pattern']}")
    elif wanted == "SelectChoices":
        rule = definition["SelectValidation"]
        if not rule["MinChoices"] <= len(value) <= rule["MaxChoices"]:
            raise _invalid(path, f"choose {rule['MinChoices']} to {rule['MaxChoices']} options")
        unknown = [choice for choice in value if choice not in rule["Options"]]
        if unknown:
            raise _invalid(path, f"{', '.join(unknown)} is not an option")
        value = list(value)
    return {wanted: value}


class RegistrationFieldsMixin:
    """Field value operations of the backend (``find_registration`` and ``find_attachment`` come from the other
    registration mixins)."""

    def _field_version(self: Any, id_or_arn: str, path: str) -> tuple[Registration, RegistrationVersion, dict[str, Any]]:
        """The registration, its editable ``DRAFT`` version and the field's definition."""
        found = self.find_registration(id_or_arn)
        definition = field_definition(found.type, path)
        if definition is None:
            raise _invalid(path, f"not a field of {found.type}", "UNKNOWN_REGISTRATION_FIELD")
        version = found.current
        if version.status != "DRAFT":
            raise ConflictException(f"Version {version.number} is {version.status}; only a DRAFT version can be edited.",
                                    "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED", REGISTRATION, found.id)
        return found, version, definition

    def put_registration_field_value(self: Any, params: dict[str, Any]) -> dict[str, Any]:
        """PutRegistrationFieldValue: sets (or replaces) the field's value on the current DRAFT version; an attachment
        must exist (ResourceNotFoundException ``registration-attachment``)."""
        found, version, definition = self._field_version(params["RegistrationId"], params["FieldPath"])
        value = check_value(definition, params)
        if "RegistrationAttachmentId" in value:
            value["RegistrationAttachmentId"] = self.find_attachment(value["RegistrationAttachmentId"]).id
        version.values[definition["FieldPath"]] = value
        return self._value_reply(found, version, definition["FieldPath"], value)

    def delete_registration_field_value(self: Any, id_or_arn: str, path: str) -> dict[str, Any]:
        """DeleteRegistrationFieldValue: a field without a value → ValidationException
        ``REGISTRATION_FIELD_CANNOT_BE_DELETED``."""
        found, version, definition = self._field_version(id_or_arn, path)
        value = version.values.pop(definition["FieldPath"], None)
        if value is None:
            raise _invalid(path, "has no value", "REGISTRATION_FIELD_CANNOT_BE_DELETED")
        return self._value_reply(found, version, path, value)

    def registration_field_values(self: Any, params: dict[str, Any]) -> tuple[Registration, int, list[dict[str, Any]]]:
        """DescribeRegistrationFieldValues: the registration, the version number (default the current one; an unknown
        one → ValidationException ``UNKNOWN_REGISTRATION_VERSION``) and its values in form order."""
        found = self.find_registration(params["RegistrationId"])
        number = params.get("VersionNumber", found.current.number)
        version = next((item for item in found.versions if item.number == number), None)
        if version is None:
            raise _invalid("VersionNumber", f"{found.id} has no version {number}", "UNKNOWN_REGISTRATION_VERSION")
        wanted = fields(found.type, params.get("SectionPath"), params.get("FieldPaths"))
        values = [{"FieldPath": entry["FieldPath"], **version.values[entry["FieldPath"]]}
                  for entry in wanted if entry["FieldPath"] in version.values]
        return found, number, values

    @staticmethod
    def missing_required(found: Registration, version: RegistrationVersion) -> None:
        """SubmitRegistrationVersion's check: every REQUIRED field of the type has a value, else ValidationException
        ``MISSING_PARAMETER`` naming each missing field (the model has no reason of its own for this)."""
        missing = [path for path in required_paths(found.type) if path not in version.values]
        if missing:
            raise ValidationException(f"Version {version.number} lacks required fields: {', '.join(missing)}.",
                                      "MISSING_PARAMETER", [{"Name": path, "Message": "required"} for path in missing])

    @staticmethod
    def _value_reply(found: Registration, version: RegistrationVersion, path: str, value: dict[str, Any]) -> dict[str, Any]:
        return {"RegistrationArn": found.arn, "RegistrationId": found.id, "VersionNumber": version.number,
                "FieldPath": path, **value}
