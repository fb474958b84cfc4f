import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.images import process_image
from deputies.models import Community, Deputy

from .models import MAX_VOTERS_PER_SESSION, ReceptionSession, SessionIssue, Station

MAX_PHOTOS_PER_UPLOAD = 12
# A phone's clock may run a little ahead of the server's.
FUTURE_TOLERANCE = datetime.timedelta(minutes=10)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several pictures from one input, each through the image pipeline."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # The phone offers its camera as well as its gallery.
        attrs.update({"accept": "image/*", "capture": "environment"})
        return attrs

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        if len(files) > MAX_PHOTOS_PER_UPLOAD:
            raise ValidationError(
                _("At most %(max)d photos at a time."),
                params={"max": MAX_PHOTOS_PER_UPLOAD},
                code="too_many",
            )
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(process_image(upload))
            except ValidationError as exc:
                errors.extend(
                    ValidationError(
                        _("“%(name)s”: %(problem)s"),
                        params={"name": upload.name, "problem": message},
                    )
                    for message in exc.messages
                )
        if errors:
            raise ValidationError(errors)
        return cleaned


class DeputyCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes that tell a script at which stations each deputy may appear."""

    def __init__(self, *args, stations_by_deputy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stations_by_deputy = stations_by_deputy or {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        key = getattr(value, "value", value)
        stations = self.stations_by_deputy.get(key)
        option["attrs"]["data-stations"] = (
            " ".join(str(pk) for pk in sorted(stations)) if stations else ""
        )
        return option


class SessionForm(forms.ModelForm):
    """A session as a deputy logs it from a phone."""

    co_deputies = forms.ModelMultipleChoiceField(
        label=_("Other deputies present"),
        queryset=Deputy.objects.none(),
        required=False,
        widget=DeputyCheckboxes,
        error_messages={
            "invalid_choice": _(
                "%(value)s is not a deputy you can name on a session. "
                "Ask the committee office."
            )
        },
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        help_text=_("Take them with the phone camera or choose from the gallery."),
    )

    class Meta:
        model = ReceptionSession
        fields = ["station", "started_at", "mode", "voters_received", "summary"]
        widgets = {
            "started_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "mode": forms.RadioSelect,
        }
        error_messages = {
            "station": {
                "invalid_choice": _(
                    "You can only log sessions at a station you are assigned to."
                )
            },
            "voters_received": {
                "min_value": _("The number of voters cannot be negative."),
                "max_value": _(
                    "More than %(limit_value)s voters at one session is not "
                    "plausible; please check the number."
                ),
                "invalid": _("Enter the number of voters as a whole number."),
            },
            "started_at": {"invalid": _("Enter a valid date and time.")},
        }

    def __init__(self, *args, deputy, **kwargs):
        super().__init__(*args, **kwargs)
        self.deputy = deputy
        current = self.instance.station_id if self.instance.pk else None
        stations = Station.objects.filter(
            Q(pk__in=Station.objects.for_deputy(deputy).values("pk")) | Q(pk=current)
        )
        self.fields["station"].queryset = stations
        self.fields["station"].empty_label = None
        self.fields["voters_received"].widget.attrs.update(
            {"min": 0, "max": MAX_VOTERS_PER_SESSION, "inputmode": "numeric"}
        )
        allowed = self._stations_by_deputy(stations)
        present = (
            set(self.instance.deputies.values_list("pk", flat=True))
            if self.instance.pk
            else set()
        )
        for pk in present:
            # Whoever staff recorded as present stays offered at this venue.
            allowed.setdefault(pk, set()).add(current)
        self.fields["co_deputies"].queryset = Deputy.objects.filter(
            pk__in=(set(allowed) | present) - {deputy.pk}
        ).order_by("name")
        self.fields["co_deputies"].widget.stations_by_deputy = allowed
        if not self.is_bound and self.instance.pk:
            self.initial["co_deputies"] = sorted(present - {deputy.pk})
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault(
                "started_at", timezone.localtime().replace(second=0, microsecond=0)
            )

    @staticmethod
    def _stations_by_deputy(stations) -> dict[int, set[int]]:
        """Deputy pk -> pks of these stations where the deputy may be named."""
        allowed: dict[int, set[int]] = {}
        open_pks = [s.pk for s in stations if s.open_to_all_deputies]
        if open_pks:
            for pk in Deputy.objects.values_list("pk", flat=True):
                allowed.setdefault(pk, set()).update(open_pks)
        through = Station.deputies.through.objects.filter(station__in=stations)
        for station_id, deputy_id in through.values_list("station_id", "deputy_id"):
            allowed.setdefault(deputy_id, set()).add(station_id)
        return allowed

    def clean_started_at(self):
        started_at = self.cleaned_data["started_at"]
        if started_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(
                _("The session cannot be in the future."), code="future"
            )
        return started_at

    def clean(self):
        cleaned = super().clean()
        station = cleaned.get("station")
        co_deputies = cleaned.get("co_deputies") or []
        if station is None or station.open_to_all_deputies:
            return cleaned
        assigned = set(station.deputies.values_list("pk", flat=True))
        previously = (
            set(self.instance.deputies.values_list("pk", flat=True))
            if self.instance.pk and self.instance.station_id == station.pk
            else set()
        )
        if self.deputy.pk not in assigned | previously:
            self.add_error(
                "station",
                _("You can only log sessions at a station you are assigned to."),
            )
        outsiders = [d.name for d in co_deputies if d.pk not in assigned | previously]
        if outsiders:
            self.add_error(
                "co_deputies",
                _(
                    "Not assigned to %(station)s: %(names)s. The committee office "
                    "can open the station to every deputy."
                )
                % {"station": station.name, "names": "、".join(outsiders)},
            )
        return cleaned


class SessionEditForm(SessionForm):
    remove_photos = forms.ModelMultipleChoiceField(
        label=_("Remove these photos"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove_photos"].queryset = self.instance.photos.all()
        self.fields["remove_photos"].label_from_instance = lambda p: (
            p.caption or _("Photo %(number)s") % {"number": p.pk}
        )


class SessionIssueForm(forms.ModelForm):
    class Meta:
        model = SessionIssue
        fields = ["text", "community", "category"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each line is labelled with its number ("Issue 3"), so that a screen
        # reader or an error message says which one; the empty template form
        # gets a placeholder the script replaces.
        index = self.prefix.rsplit("-", 1)[-1]
        number = int(index) + 1 if index.isdigit() else "__number__"
        self.fields["text"].label = _("Issue %(number)s") % {"number": number}
        # Blank lines are left out; a line with only a community is an error.
        self.fields["text"].required = False
        self.fields["community"].queryset = Community.objects.all()
        self.fields["community"].empty_label = _("Same as the station")
        self.fields["category"].widget.attrs["placeholder"] = _(
            "e.g. roads, greening, property management"
        )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("text") or "").strip() and not cleaned.get("DELETE"):
            self.add_error(
                "text",
                _("Write the issue, or tick “Delete”.")
                if self.instance.pk
                else _("Write the issue, or leave the whole line empty."),
            )
        return cleaned


IssueFormSet = forms.inlineformset_factory(
    ReceptionSession,
    SessionIssue,
    form=SessionIssueForm,
    extra=3,
    max_num=30,
    validate_max=True,
    can_delete=True,
)
