"""Parts of the public form beyond the opinion itself: the notices a resident
may ask for, and the QR code poster (a station's or a deputy's) it came from.

The poster's station or deputy rides in hidden fields; an unknown, inactive or
malformed one is simply ignored, never an error.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from deputies.models import Deputy
from reception.models import Station

from .models import Suggestion

Channel = Suggestion.NoticeChannel


def station_for(slug) -> Station | None:
    slug = (slug or "").strip()
    if not slug or len(slug) > 50:
        return None
    return (
        Station.objects.public().select_related("community").filter(slug=slug).first()
    )


def deputy_for_poster(value) -> Deputy | None:
    value = str(value or "").strip()
    if not value.isdigit() or len(value) > 9:
        return None
    return Deputy.objects.current().select_related("community").filter(pk=value).first()


def poster_initial(query) -> dict:
    """The form's first values for `?station=<slug>` or `?deputy=<id>`."""
    station = station_for(query.get("station"))
    deputy = deputy_for_poster(query.get("deputy"))
    initial = {}
    if station:
        initial.update(station=station.slug, community=station.community)
    if deputy:
        initial["deputy"] = deputy.pk
        if deputy.community and "community" not in initial:
            initial["community"] = deputy.community
    return initial


def poster_note(*, station=None, deputy=None, **_ignored) -> str:
    """The received step's note on the timeline, naming the poster."""
    parts = []
    if station:
        parts.append(
            gettext("Sent from the QR code of %(station)s.") % {"station": station}
        )
    if deputy:
        parts.append(
            gettext("Addressed to deputy %(name)s (QR code).") % {"name": deputy.name}
        )
    return " ".join(parts)


class NoticeAndPosterFields(forms.Form):
    notice = forms.ChoiceField(
        label=_("Tell me when my item's status changes"),
        choices=Channel.choices,
        required=False,
        initial=Channel.NONE,
        widget=forms.RadioSelect,
        help_text=_(
            "Each notice gives only the tracking code, the new status and the "
            "link to the tracking page. You can stop them at any time."
        ),
    )
    notice_email = forms.EmailField(
        label=_("E-mail address for the notices"),
        max_length=254,
        required=False,
        help_text=_("Only needed if you chose e-mail."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    station = forms.CharField(widget=forms.HiddenInput, required=False)
    deputy = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_station(self):
        return station_for(self.cleaned_data.get("station"))

    def clean_deputy(self):
        return deputy_for_poster(self.cleaned_data.get("deputy"))

    def clean_notice_email(self):
        return self.cleaned_data.get("notice_email", "").strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("notice") != Channel.EMAIL:
            cleaned["notice_email"] = ""
        elif not cleaned.get("notice_email") and "notice_email" not in self.errors:
            self.add_error(
                "notice_email",
                ValidationError(
                    _("You chose notices by e-mail: please give the e-mail address."),
                    code="notice_email_missing",
                ),
            )
        return cleaned

    def poster_origin(self) -> tuple:
        """(station, deputy) the form came from, for the page to name."""
        if self.is_bound:
            return station_for(self.data.get("station")), deputy_for_poster(
                self.data.get("deputy")
            )
        return station_for(self.initial.get("station")), deputy_for_poster(
            self.initial.get("deputy")
        )

    def notice_and_poster_values(self) -> dict:
        data = self.cleaned_data
        station, deputy = data.get("station"), data.get("deputy")
        return {
            "notice_channel": data.get("notice") or Channel.NONE,
            "notice_email": data.get("notice_email", ""),
            "station": station,
            "addressed_deputy": deputy,
            "source": (
                Suggestion.Source.QR_POSTER
                if station or deputy
                else Suggestion.Source.WEB_FORM
            ),
        }
