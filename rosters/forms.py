from django import forms
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _

from .models import DutyRule


class DutyRuleForm(forms.ModelForm):
    """The deputies on duty must be assigned to the station."""

    class Meta:
        model = DutyRule
        fields = [
            "station",
            "deputies",
            "active",
            "note",
            "frequency",
            "nth",
            "weekday",
            "starts_on",
            "ends_on",
            "part_of_day",
            "start_time",
            "end_time",
        ]

    def clean(self):
        cleaned = super().clean()
        station = cleaned.get("station")
        deputies = cleaned.get("deputies")
        if station is None or deputies is None or station.open_to_all_deputies:
            return cleaned
        assigned = set(station.deputies.values_list("pk", flat=True))
        strangers = [d.name for d in deputies if d.pk not in assigned]
        if strangers:
            self.add_error(
                "deputies",
                _("Not assigned to this station: %(names)s.")
                % {"names": "、".join(strangers)},
            )
        return cleaned


class RuleChildFormSet(BaseInlineFormSet):
    """Exceptions and swaps are checked against the rule as just entered
    (its dates and deputies), not as it was stored."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # An exception or swap of a rule being added is checked against the
        # rule as entered; save_new() links it again once the rule is saved.
        form.instance.rule = self.instance
        return form
