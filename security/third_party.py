"""Chinese for the parts of the admin that come without it.

Django 5.2's admin has a few strings its zh_Hans catalogue does not translate
yet; django-axes ships no zh_Hans catalogue; django-otp marks none of its names
for translation, and neither app names itself. The project catalogue (locale/),
which Django reads before every app's own, gives them Chinese. The msgids of
Django and axes are listed here so that makemessages keeps them there.

Names are given where migrations do not read them: an app's verbose_name, a
model's verbose_name (migrations keep the one its Meta declared) and a field's
verbose_name (they keep the one it was declared with). A field's help text is
read by migrations, which run without translation: it becomes a translatable
string with the very same English, so they see no change. The fieldset names of
the authenticator devices are given by their admin (security/admin.py).
"""

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Django's own admin (admin/app_list.html, the login and user pages).
DJANGO_ADMIN = [
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("Error:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop(
        "After you’ve created a user, you’ll be able to edit more user options."
    ),
]

# django-axes: its models' and admin's own msgids.
AXES = [
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("Locked Out"),
    gettext_noop("Yes"),
    gettext_noop("No"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Cleaned up {count} expired access attempts."),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
]

APP_NAMES = {
    "axes": _("Login attempts and lockouts"),
    "otp_totp": _("Two-step login"),
}

# The authenticator device's fields, by name.
TOTP_FIELDS = {
    "user": _("user"),
    "name": _("device name"),
    "confirmed": _("confirmed"),
    "created_at": _("created at"),
    "last_used_at": _("last used at"),
    "key": _("secret key"),
    "step": _("time step"),
    "t0": _("start time (t0)"),
    "digits": _("number of digits"),
    "tolerance": _("tolerance"),
    "drift": _("clock drift"),
    "last_t": _("last time step"),
    "throttling_failure_timestamp": _("last failed attempt"),
    "throttling_failure_count": _("failed attempts"),
}


def name_third_party_models() -> None:
    """Give the apps, the authenticator device and its fields Chinese names."""
    for label, name in APP_NAMES.items():
        apps.get_app_config(label).verbose_name = name
    device = apps.get_model("otp_totp", "TOTPDevice")
    # The same msgids as the Meta's, so that permission names stay as they are.
    device._meta.verbose_name = _("TOTP device")
    device._meta.verbose_name_plural = _("TOTP devices")
    for field_name, name in TOTP_FIELDS.items():
        device._meta.get_field(field_name).verbose_name = name
    for field_name, help_text in TOTP_HELP_TEXTS.items():
        field = device._meta.get_field(field_name)
        # Only while the English is django-otp's own: another wording would be
        # a change to its migrations.
        with translation.override(None):
            if str(field.help_text) == str(help_text):
                field.help_text = help_text


# The authenticator device's help texts, in django-otp's own English, and its
# admin's fieldset names.
TOTP_HELP_TEXTS = {
    "user": _("The user that this device belongs to."),
    "name": _("The human-readable name of this device."),
    "confirmed": _("Is this device ready for use?"),
    "created_at": _(
        "The date and time when this device was initially created in the system."
    ),
    "last_used_at": _("The most recent date and time this device was used."),
    "key": _("A hex-encoded secret key of up to 40 bytes."),
    "step": _("The time step in seconds."),
    "t0": _("The Unix time at which to begin counting steps."),
    "digits": _("The number of digits to expect in a token."),
    "tolerance": _("The number of time steps in the past or future to allow."),
    "drift": _(
        "The number of time steps the prover is known to deviate from our clock."
    ),
    "last_t": _(
        "The t value of the latest verified token. The next token must be at a "
        "higher time step."
    ),
    "throttling_failure_timestamp": _(
        "A timestamp of the last failed verification attempt. Null if last "
        "attempt succeeded."
    ),
    "throttling_failure_count": _("Number of successive failed attempts."),
}
TOTP_FIELDSETS = {
    "Identity": _("Identity"),
    "Timestamps": _("Timestamps"),
    "Configuration": _("Configuration"),
    "State": _("State"),
    "Throttling": _("Throttling"),
}
