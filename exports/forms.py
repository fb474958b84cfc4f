from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .access import may_export, may_export_personal
from .models import Export


class ExportRequestForm(forms.ModelForm):
    """Which register, which year, and whether to unmask personal data."""

    class Meta:
        model = Export
        fields = ["register", "year", "include_personal"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["register"].choices = [
            (value, label)
            for value, label in Export.Register.choices
            if user is not None and may_export(user, value)
        ]
        self.fields["year"].widget.attrs.update({"min": 2000, "max": 2100})

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 2000 <= year <= 2100:
            raise ValidationError(_("Please enter a year between 2000 and 2100."))
        return year

    def clean(self):
        data = super().clean()
        register = data.get("register")
        if (
            register
            and data.get("include_personal")
            and not may_export_personal(self.user, register)
        ):
            self.add_error(
                "include_personal",
                _(
                    "You may not export this register's personal data; it will "
                    "be masked. Untick the box to continue."
                ),
            )
        return data
