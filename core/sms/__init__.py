"""Text messages through a backend chosen by a setting, as Django does for e-mail.

`SMS_BACKEND` names the backend class (a Django setting, else the environment
variable of that name); the console backend is the default and writes each
message to the log with the number masked. Tests use the locmem backend, whose
`outbox` keeps what was sent. A backend has one method, `send(message)`, which
raises `SmsError` when the provider refuses the message.
"""

import dataclasses
import os

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_BACKEND = "core.sms.backends.console.SmsBackend"


class SmsError(Exception):
    """The message was not accepted; the text never contains the number."""


@dataclasses.dataclass
class SmsMessage:
    """One message: the number, the full text, and the template's parameters
    for providers that send only pre-approved templates."""

    to: str
    body: str
    params: dict = dataclasses.field(default_factory=dict)


def setting(name: str, default: str = "") -> str:
    """A Django setting, else the environment variable of that name."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return value


def get_backend(path: str | None = None):
    return import_string(path or setting("SMS_BACKEND", DEFAULT_BACKEND))()


def send_sms(to: str, body: str, params: dict | None = None) -> None:
    get_backend().send(SmsMessage(to=to, body=body, params=dict(params or {})))


def mask_number(number: str) -> str:
    """138****5678: what a log may show of a number."""
    if len(number) >= 7:
        return f"{number[:3]}****{number[-4:]}"
    return "*" * len(number)
