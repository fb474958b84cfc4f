from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Article


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "authors",
            "date",
            "summary",
            "body",
            "cover",
            "cover_alt",
            "deputies",
            "activities",
            "sessions",
            "is_profile_post",
            "is_published",
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_profile_post") and not cleaned.get("deputies"):
            self.add_error(
                "deputies",
                _("A deputy profile post must feature at least one deputy."),
            )
        return cleaned


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Enter a year such as 2018."),
            "min_value": _("Enter a year between 2000 and 2100."),
            "max_value": _("Enter a year between 2000 and 2100."),
        },
    )

    @classmethod
    def from_query(cls, params, default=None):
        """Bound to the query string, with the given year when none is asked."""
        data = params.copy()
        if not data.get("year"):
            data["year"] = default or timezone.localdate().year
        return cls(data)
