"""A voter's item recorded by a deputy from the phone, outside any session.

A call, a word in the street: the deputy writes what was raised, says where,
may add a photo, and the item enters the same lifecycle as every other
(intake.suggestion_create), raised and followed by that deputy. No voter's
name or phone is asked for: the deputy follows the item and answers the voter.
"""

import datetime
import re
import uuid
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.access import is_deputy
from core.images import PortalImageFormField
from deputies.models import Community, Deputy
from security import audit

from . import submission_tokens
from .models import Suggestion
from .services import intake, notifications

TITLE_LENGTH = 60
SENTENCE_END = re.compile(r"[。！？!?；;\n]")


class QuickItemForm(forms.Form):
    """What the voter raised and where; a photo if there is one."""

    text = forms.CharField(
        label=gettext_lazy("What the voter raised"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": gettext_lazy("Please write what the voter raised.")
        },
        help_text=gettext_lazy(
            "What, where exactly and since when. No need for the voter's name "
            "or phone: you follow the item and answer the voter."
        ),
    )
    community = forms.ModelChoiceField(
        label=gettext_lazy("Community"),
        queryset=Community.objects.all(),
        required=False,
        empty_label=gettext_lazy("Not sure / other"),
    )
    photo = PortalImageFormField(
        label=gettext_lazy("Photo (optional)"),
        required=False,
        help_text=gettext_lazy("One photo, at most 10 MB."),
    )
    # Signed when the page is served: the same form sent twice makes one item.
    token = forms.CharField(
        widget=forms.HiddenInput, initial=submission_tokens.issue, required=False
    )

    def clean_token(self):
        token = submission_tokens.verify(self.cleaned_data.get("token"))
        if token is None:
            # A fresh token goes back with the page; what was written stays.
            self.data = self.data.copy()
            self.data["token"] = submission_tokens.issue()
            raise ValidationError(
                _("This form has expired. Please check it and send it again."),
                code="bad_token",
            )
        return token

    def build(self, deputy: Deputy) -> Suggestion:
        text = self.cleaned_data["text"]
        return Suggestion(
            kind=Suggestion.Kind.RESIDENT,
            source=Suggestion.Source.DEPUTY,
            community=self.cleaned_data["community"],
            title=title_from(text),
            text=text,
            raised_by=deputy,
            following_deputy=deputy,
            submission_token=self.cleaned_data["token"],
        )


def title_from(text: str) -> str:
    """The item's title: its first sentence, at most TITLE_LENGTH characters."""
    first = SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    return (first or text.strip())[:TITLE_LENGTH]


def serving_deputy_or_403(request) -> Deputy:
    """The one access check: a deputy login linked to a register entry whose
    service has not ended (nor not yet begun)."""
    if not is_deputy(request.user):
        raise PermissionDenied
    deputy = (
        Deputy.objects.current()
        .filter(user=request.user)
        .select_related("community")
        .first()
    )
    if deputy is None:
        raise PermissionDenied
    return deputy


def quick_item_record(*, form: QuickItemForm, deputy: Deputy, user) -> Suggestion:
    """The item, with its photo, in one piece: a photo that cannot be stored
    leaves no item behind."""
    photo = form.cleaned_data.get("photo")
    with transaction.atomic():
        return intake.suggestion_create(
            suggestion=form.build(deputy),
            photos=[photo] if photo else [],
            actor=user,
            note=_("Recorded by the deputy: raised by a voter outside a session."),
        )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def quick_item(request: HttpRequest) -> HttpResponse:
    deputy = serving_deputy_or_403(request)
    if request.method == "GET":
        return _page(request, QuickItemForm(initial={"community": deputy.community}))
    form = QuickItemForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, status=400)
    earlier = Suggestion.objects.filter(
        submission_token=form.cleaned_data["token"]
    ).first()
    if earlier is not None and earlier.raised_by_id != deputy.pk:
        # Another deputy's page: never show them this deputy's item.
        raise PermissionDenied
    if earlier is not None:
        return redirect(earlier)
    try:
        suggestion = quick_item_record(form=form, deputy=deputy, user=request.user)
    except OSError:
        form.add_error(
            "photo", _("The photo could not be stored. Please send the form again.")
        )
        return _page(request, form, status=503)
    audit.record_change(request, suggestion, audit.Action.CREATE, form.changed_data)
    messages.success(
        request,
        _(
            "Recorded as %(code)s. You follow it; the committee office accepts it "
            "and assigns a handling unit."
        )
        % {"code": suggestion.tracking_code},
    )
    return redirect(suggestion)


def _page(request, form, status=200):
    return render(request, "suggestions/quick_item.html", {"form": form}, status=status)


# The demo ------------------------------------------------------------------------

DEMO_TOKEN = uuid.UUID("0b5d3c2e-2019-4e1a-8c6f-5a4b3c2d1e0f")
# Early 2019, not 2018: one more resident opinion in 2018 would change the
# 2018 report's figure of opinions collected.
DEMO_AT = datetime.datetime(2019, 1, 15, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
DEMO_TEXT = (
    "居民来电反映,紫阳湖公园东门外人行道护栏松动,老人孩子经过有危险,希望尽快加固。"
)


def load_demo(out) -> None:
    """The demo deputy's voter item recorded from the phone (idempotent)."""
    deputy = Deputy.objects.filter(user__username="deputy").first()
    if deputy is None:
        out.write("suggestions: no demo deputy, quick item skipped")
        return
    suggestion = Suggestion(
        kind=Suggestion.Kind.RESIDENT,
        source=Suggestion.Source.DEPUTY,
        community=deputy.community,
        title=title_from(DEMO_TEXT),
        text=DEMO_TEXT,
        raised_by=deputy,
        following_deputy=deputy,
        submission_token=DEMO_TOKEN,
    )
    with notifications.notifications_muted():
        intake.suggestion_create(
            suggestion=suggestion,
            actor=deputy.user,
            at=DEMO_AT,
            note=_("Recorded by the deputy: raised by a voter outside a session."),
        )
