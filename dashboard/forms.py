from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deputies.models import Community

from .years import available_years


class DashboardFilterForm(forms.Form):
    """Year and community of the staff dashboard (both optional in the URL)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    community = forms.ModelChoiceField(
        label=_("Community"),
        queryset=Community.objects.all(),
        required=False,
        empty_label=_("Whole street"),
    )

    def __init__(self, *args, with_community=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in available_years()]
        self.fields["year"].error_messages["invalid_choice"] = _(
            "There is no record for this year. Please choose a year from the list."
        )
        self.fields["community"].error_messages["invalid_choice"] = _(
            "This community does not exist. Please choose one from the list."
        )
        if not with_community:
            del self.fields["community"]

    def clean_year(self):
        return self.cleaned_data.get("year") or timezone.localdate().year
