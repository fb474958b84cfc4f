import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from core.images import process_image
from deputies.models import Community, Deputy

from . import submission_tokens
from .challenge import SpokenCaptchaField
from .models import (
    MAX_PHOTOS,
    Category,
    Escalation,
    HandlingUnit,
    Rating,
    Reply,
    Suggestion,
)
from .public_form_parts import NoticeAndPosterFields

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Up to MAX_PHOTOS pictures, each re-encoded by the image pipeline."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs["accept"] = "image/jpeg,image/png,image/webp"

    def clean(self, data, initial=None):
        files = (
            [f for f in (data or []) if f]
            if isinstance(data, list | tuple)
            else ([data] if data else [])
        )
        # The count is checked before any decoding, so a flood is refused cheaply.
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("At most %(max)d photos, please.") % {"max": MAX_PHOTOS},
                code="too_many_photos",
            )
        return [process_image(f) for f in files]


class SuggestionForm(NoticeAndPosterFields, forms.Form):
    """The public form; contact details are needed to answer and to track.

    The notice choice and the QR poster's station or deputy come from
    `NoticeAndPosterFields` (public_form_parts.py).
    """

    field_order = [
        *("community", "category", "title", "text", "photos"),
        *("name", "phone", "address", "notice", "notice_email"),
    ]

    community = forms.ModelChoiceField(
        label=_("Your community"),
        queryset=Community.objects.all(),
        required=False,
        empty_label=_("Not sure / other"),
    )
    category = forms.ModelChoiceField(
        label=_("What is it about?"),
        queryset=Category.objects.filter(active=True),
        required=False,
        empty_label=_("Other"),
    )
    title = forms.CharField(
        label=_("In one sentence"),
        max_length=100,
        help_text=_("For example: the street lamp at the gate of building 3 is out."),
    )
    text = forms.CharField(
        label=_("Details"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Where, since when, and what you would like done."),
    )
    photos = MultiplePhotoField(
        label=_("Photos (optional)"),
        help_text=_("Up to 9 photos, each at most 10 MB."),
    )
    name = forms.CharField(label=_("Your name"), max_length=50)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=11,
        help_text=_("Used to contact you and, with its last four digits, to track."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "tel"}),
    )
    address = forms.CharField(
        label=_("Address (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice above and agree."),
        error_messages={
            "required": _("Please agree to the privacy notice to send your opinion.")
        },
    )
    captcha = SpokenCaptchaField(
        label=_("Please work out this sum and enter the answer"),
        error_messages={"invalid": _("The answer is not right. Please try again.")},
    )
    # A field people never see (hidden by CSS and from screen readers); robots fill it.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # Signed when the page is served (submission_tokens); checked in clean().
    signed_token = True
    token = forms.CharField(
        widget=forms.HiddenInput, initial=submission_tokens.issue, required=False
    )

    @property
    def wants_new_challenge(self) -> bool:
        """The "new challenge" button was pressed (without the form's script):
        the form comes back as it was, with a new sum, and nothing is checked."""
        return (
            self.is_bound and "captcha" in self.fields and "new_challenge" in self.data
        )

    def full_clean(self):
        if self.wants_new_challenge:
            self._errors, self.cleaned_data = ErrorDict(), {}
            return
        super().full_clean()
        if "captcha" in self._errors:
            # The answer box is then described by the error as well as the sum.
            self.fields["captcha"].widget.error_id = f"{self['captcha'].auto_id}_error"

    def is_valid(self):
        return not self.wants_new_challenge and super().is_valid()

    def clean_token(self):
        return submission_tokens.verify(self.cleaned_data.get("token"))

    def clean_phone(self):
        phone = re.sub(r"[\s-]", "", self.cleaned_data["phone"])
        if not MOBILE_RE.match(phone):
            raise ValidationError(
                _("Please enter an 11-digit mobile number, e.g. 13812345678."),
                code="bad_phone",
            )
        return phone

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Please leave this field empty."), code="honeypot")
        return ""

    def clean(self):
        cleaned = super().clean()
        if self.signed_token and cleaned.get("token") is None:
            # Missing, expired or not the portal's: the page sent again carries
            # a fresh one, and what the resident wrote stays in the form.
            self.data = self.data.copy()
            self.data["token"] = submission_tokens.issue()
            raise ValidationError(
                _("This form has expired. Please check it and send it again."),
                code="bad_token",
            )
        return cleaned

    def build(self, privacy_version: str) -> Suggestion:
        data = self.cleaned_data
        return Suggestion(
            kind=Suggestion.Kind.RESIDENT,
            **self.notice_and_poster_values(),
            community=data["community"],
            category=data["category"],
            title=data["title"],
            text=data["text"],
            submitter_name=data["name"],
            submitter_phone=data["phone"],
            submitter_address=data["address"],
            consent=True,
            privacy_notice_version=privacy_version,
            submission_token=data["token"],
        )


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        help_text=_("12 letters and digits, e.g. ABCD-2345-EFGH."),
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off"}
        ),
    )
    phone_last4 = forms.CharField(
        label=_("Last four digits of your phone"),
        min_length=4,
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_phone_last4(self):
        value = self.cleaned_data["phone_last4"]
        if not value.isdigit():
            raise ValidationError(_("Enter four digits."), code="bad_digits")
        return value


class RatingForm(forms.Form):
    score = forms.ChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=Rating.Score.choices,
        widget=forms.RadioSelect,
    )
    # Optional for 满意 and 基本满意, required for 不满意: the label says so.
    comment = forms.CharField(
        label=_("Comment (if you are not satisfied, please tell us why)"),
        help_text=_(
            "You may leave it empty if you are satisfied or basically satisfied."
        ),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("score") == Rating.Score.UNSATISFIED and not data.get("comment"):
            self.add_error(
                "comment",
                _(
                    "You chose not satisfied: please tell us why, so that it can be "
                    "followed up."
                ),
            )
        return data


class FollowUpForm(forms.Form):
    note = forms.CharField(
        label=_("What was done"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A call, a visit, a chase of the handling unit…"),
    )
    public = forms.BooleanField(
        label=_("Show this note to the resident on the tracking page"),
        required=False,
    )


class SessionIssueSuggestionForm(forms.Form):
    """A deputy turns an issue raised at a reception session into a suggestion."""

    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.filter(active=True),
        required=False,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("What the voter raised"), widget=forms.Textarea(attrs={"rows": 5})
    )


class AssignForm(forms.Form):
    """Bulk assignment in the admin."""

    following_deputy = forms.ModelChoiceField(
        label=_("Following deputy"), queryset=Deputy.objects.all(), required=False
    )
    handling_unit = forms.ModelChoiceField(
        label=_("Handling unit"),
        queryset=HandlingUnit.objects.filter(active=True),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not data.get("following_deputy") and not data.get("handling_unit"):
            raise ValidationError(_("Choose a deputy, a unit or both."))
        return data


class ActionForm(forms.Form):
    """One workflow step in the admin; which fields count depends on the action."""

    ACTIONS = [
        ("accept", _("Accept")),
        ("start", _("Start handling")),
        ("reply", _("Record a reply")),
        ("reject", _("Do not accept (with a reply)")),
        ("close", _("Close")),
        ("reopen", _("Reopen")),
        ("follow_up", _("Add a follow-up note")),
        ("escalate", _("Escalate to a city-level deputy")),
        ("escalation_follow_up", _("Add an escalation follow-up")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    handling_unit = forms.ModelChoiceField(
        label=_("Handling unit"),
        queryset=HandlingUnit.objects.filter(active=True),
        required=False,
    )
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: from the kind and source of the item."),
    )
    following_deputy = forms.ModelChoiceField(
        label=_("Following deputy"), queryset=Deputy.objects.all(), required=False
    )
    responder = forms.CharField(label=_("Answered by"), max_length=100, required=False)
    answered_on = forms.DateField(
        label=_("Answered on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[("", "---------"), *Reply.Channel.choices],
        required=False,
    )
    outcome = forms.ChoiceField(
        label=_("Outcome class"),
        choices=[("", "---------"), *Suggestion.Outcome.choices],
        required=False,
    )
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("The reply, the note, or what is asked of the city deputy."),
    )
    public = forms.BooleanField(
        label=_("Show on the tracking page"), required=False, initial=True
    )
    city_deputy = forms.ModelChoiceField(
        label=_("City-level deputy"),
        queryset=Deputy.objects.exclude(level=Deputy.Level.DISTRICT),
        required=False,
    )
    escalation = forms.ModelChoiceField(
        label=_("Escalation"), queryset=Escalation.objects.none(), required=False
    )
    escalation_status = forms.ChoiceField(
        label=_("Escalation progress"),
        choices=[("", "---------"), *Escalation.Status.choices],
        required=False,
    )

    REQUIRED = {
        "accept": ["handling_unit"],
        "reply": ["responder", "answered_on", "channel", "text"],
        "reject": ["responder", "answered_on", "channel", "text"],
        "reopen": ["text"],
        "follow_up": ["text"],
        "escalate": ["city_deputy", "text"],
        "escalation_follow_up": ["escalation", "text"],
    }

    def __init__(self, *args, suggestion=None, **kwargs):
        super().__init__(*args, **kwargs)
        if suggestion is not None:
            self.fields["escalation"].queryset = suggestion.escalations.all()

    def clean(self):
        data = super().clean()
        for name in self.REQUIRED.get(data.get("action"), []):
            if not data.get(name):
                self.add_error(name, _("This field is required for this action."))
        return data
