"""The submission token: what makes a form sent twice one item, and only that.

The public form carries a token the portal signed when it served the page. A
replay is recognised only by such a token, so a POST without one, or with a
token the portal never issued, cannot be matched to anybody's item: it goes
through the captcha, the limits and validation like any new submission. The
WeChat channel makes its own tokens; they are kept per channel token, so one
channel's replay never finds another's item.
"""

import uuid

from django.core import signing

SALT = "suggestions.submission-token"
# A resident may leave the form open for a long while before sending it.
MAX_AGE_SECONDS = 2 * 24 * 3600
CHANNEL_NAMESPACE = uuid.UUID("5b0e8f4e-1d5a-4a8e-9d55-6f3c2f1b7a10")


def issue() -> str:
    """A fresh token for a form about to be served."""
    return signing.TimestampSigner(salt=SALT).sign(str(uuid.uuid4()))


def verify(value) -> uuid.UUID | None:
    """The token's UUID if the portal issued it and it has not expired."""
    if not isinstance(value, str) or not value or len(value) > 200:
        return None
    try:
        raw = signing.TimestampSigner(salt=SALT).unsign(value, max_age=MAX_AGE_SECONDS)
        return uuid.UUID(raw)
    except (signing.BadSignature, ValueError):
        return None


def for_channel(channel_token_pk: int, client_token: uuid.UUID) -> uuid.UUID:
    """The stored token of a channel submission: the client's, within its channel."""
    return uuid.uuid5(CHANNEL_NAMESPACE, f"{channel_token_pk}:{client_token}")
