"""URL routing of End User Messaging SMS: every operation is a POST to ``/`` of
``sms-voice.<region>.amazonaws.com`` (JSON 1.0, the operation is in ``X-Amz-Target``)."""

from .responses import SmsVoiceResponse

url_bases = [r"https?://sms-voice\.(.+)\.amazonaws\.com"]

url_paths = {"{0}/$": SmsVoiceResponse.dispatch}
