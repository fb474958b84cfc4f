"""Optional TOTP second factor for committee staff (django-otp).

A staff member sets up an authenticator app on the enrolment page; from then on
every login asks for a code before the back office opens. With the setting
STAFF_REQUIRE_2FA (on in production) staff cannot reach any page until they
have set one up.
"""

from django.conf import settings
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit

DEVICE_NAME = "authenticator"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


# Set in the session once a login is known to have no authenticator, so that
# staff pages do not look for one on every request; a new login looks again.
NO_DEVICE_KEY = "ziyang_2fa_no_device"


def required_step(request) -> str | None:
    """The URL name the staff member must visit first, or None if none."""
    if request.user.is_verified():
        return None
    if request.session.get(NO_DEVICE_KEY) != request.user.pk:
        if confirmed_device(request.user):
            return "security:two_factor_verify"
        request.session[NO_DEVICE_KEY] = request.user.pk
    if settings.STAFF_REQUIRE_2FA:
        return "security:two_factor_setup"
    return None


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, created with a fresh key if none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirm(request, device: TOTPDevice, token: str) -> bool:
    """Confirm a device being set up with its first code; True on success."""
    if not device.verify_token(token):
        audit.record(audit.Action.TWO_FACTOR_FAILED, request=request, target="setup")
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # Any older device of the same person stops working: one authenticator each.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    otp_login(request, device)
    audit.record(audit.Action.TWO_FACTOR_ENROLLED, request=request)
    return True


def verify(request, token: str) -> str:
    """Check a code against the staff member's confirmed device.

    Returns "ok", "wrong", or "throttled" when too many wrong codes came lately
    (django-otp doubles the wait after each failure).
    """
    device = confirmed_device(request.user)
    if device is None:
        return "wrong"
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        audit.record(
            audit.Action.TWO_FACTOR_FAILED, request=request, target="throttled"
        )
        return "throttled"
    if device.verify_token(token):
        otp_login(request, device)
        audit.record(audit.Action.TWO_FACTOR_VERIFIED, request=request)
        return "ok"
    audit.record(audit.Action.TWO_FACTOR_FAILED, request=request, target="verify")
    return "wrong"


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an inline SVG QR code (no external request)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def readable_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing in by hand."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
