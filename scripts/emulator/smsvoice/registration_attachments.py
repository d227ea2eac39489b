"""Registration attachments (files a registration form refers to, e.g. an opt-in screenshot):
CreateRegistrationAttachment, DescribeRegistrationAttachments, DeleteRegistrationAttachment.

Mixed into ``SmsVoiceBackend``. The model: "The maximum file size is 5MB and valid file extensions are PDF, JPEG and
PNG"; "Use either AttachmentUrl or AttachmentBody … If both are specified then an exception is returned"; the URL is
``s3://BucketName/FileName``. An attachment is ``UPLOAD_COMPLETE`` at once (the emulator does not read the S3 object).
"""

import base64
import re
from dataclasses import dataclass, field
from typing import Any

from .clock import clock
from .common import arn_resource, tag_map
from .entities import tag_list
from .exceptions import ConflictException, ResourceNotFoundException, ValidationException

ATTACHMENT = "registration-attachment"
MAX_BYTES = 5 * 1024 * 1024
# File signatures of PDF, JPEG and PNG, and the extensions of an AttachmentUrl.
SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")
S3_URL = re.compile(r"s3://[^/\s]+/\S+")


@dataclass
class Attachment:
    """A registration attachment (``RegistrationAttachmentsInformation``)."""

    id: str
    arn: str
    created: float
    url: str | None = None
    status: str = "UPLOAD_COMPLETE"
    tags: dict[str, str] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        """Its information (``AttachmentUrl`` when it was given by URL; ``Tags`` kept only where the shape has them)."""
        info: dict[str, Any] = {"RegistrationAttachmentArn": self.arn, "RegistrationAttachmentId": self.id,
                                "AttachmentStatus": self.status, "CreatedTimestamp": self.created,
                                "Tags": tag_list(self.tags)}
        if self.url is not None:
            info["AttachmentUrl"] = self.url
        return info


def _check_source(params: dict[str, Any]) -> None:
    """Exactly one of AttachmentBody (a PDF, JPEG or PNG of at most 5 MB; the model's own limit is 6990508 bytes)
    and AttachmentUrl (``s3://bucket/key`` ending in .pdf, .jpg, .jpeg or .png)."""
    body, url = params.get("AttachmentBody"), params.get("AttachmentUrl")
    if body is not None and url is not None:
        raise ValidationException("Use either AttachmentBody or AttachmentUrl, not both.",
                                  "PARAMETERS_CANNOT_BE_USED_TOGETHER")
    if body is None and url is None:
        raise ValidationException("AttachmentBody or AttachmentUrl is required.", "MISSING_PARAMETER",
                                  [{"Name": "AttachmentBody", "Message": "or AttachmentUrl is required"}])
    if url is not None:
        if not S3_URL.fullmatch(url):
            raise ValidationException("AttachmentUrl must be s3://BucketName/FileName.", "INVALID_PARAMETER",
                                      [{"Name": "AttachmentUrl", "Message": "must be s3://BucketName/FileName"}])
        if not url.lower().endswith(EXTENSIONS):
            raise ValidationException("Only PDF, JPEG and PNG files are accepted.", "ATTACHMENT_TYPE_NOT_SUPPORTED")
        return
    content = base64.b64decode(body)  # already checked to be base64 by the input validation
    if len(content) > MAX_BYTES:
        raise ValidationException("The attachment is larger than 5 MB.", "MAXIMUM_SIZE_EXCEEDED")
    if not content.startswith(SIGNATURES):
        raise ValidationException("Only PDF, JPEG and PNG files are accepted.", "ATTACHMENT_TYPE_NOT_SUPPORTED")


class RegistrationAttachmentsMixin:
    """Attachment operations of the backend."""

    attachments: dict[str, Attachment]

    def find_attachment(self, id_or_arn: str) -> Attachment:
        """The attachment with this id or ARN."""
        key = arn_resource(id_or_arn, ATTACHMENT)
        found = self.attachments.get(key) if key else None
        if found is None:
            raise ResourceNotFoundException(ATTACHMENT, id_or_arn)
        return found

    def create_registration_attachment(self: Any, params: dict[str, Any]) -> Attachment:
        """CreateRegistrationAttachment (idempotent on ClientToken)."""
        token = params.get("ClientToken")
        previous = self.replay("CreateRegistrationAttachment", token, params)
        if previous is not None and previous in self.attachments:
            return self.attachments[previous]
        _check_source(params)
        new_id = self.new_id("attachment")
        created = Attachment(id=new_id, arn=self.arn(ATTACHMENT, new_id), created=clock.now(),
                             url=params.get("AttachmentUrl"), tags=tag_map(params.get("Tags")))
        self.attachments[new_id] = created
        self.remember("CreateRegistrationAttachment", token, params, new_id)
        return created

    def delete_registration_attachment(self: Any, id_or_arn: str) -> dict[str, Any]:
        """DeleteRegistrationAttachment: answers it ``DELETED``; refused while a field value of a version of a
        registration refers to it (``ConflictException`` ``RESOURCE_DELETION_NOT_ALLOWED``)."""
        found = self.find_attachment(id_or_arn)
        for registration in self.registrations.values():
            for version in registration.versions:
                if any(value.get("RegistrationAttachmentId") == found.id for value in version.values.values()):
                    raise ConflictException(
                        f"Version {version.number} of {registration.id} refers to the attachment.",
                        "RESOURCE_DELETION_NOT_ALLOWED", ATTACHMENT, found.id)
        del self.attachments[found.id]
        self.forget(found.id)
        found.status = "DELETED"
        return found.describe()
