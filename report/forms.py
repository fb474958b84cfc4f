from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .figures import referenced_keys
from .models import ReportExport, WorkReport
from .structure import FREE_TEXT_PARTS, paragraph_labels

EARLIEST_YEAR = 2000
MAX_PARAGRAPH = 5000
MAX_FREE_TEXT = 20000


def meeting_fields() -> dict[str, forms.Field]:
    """The meeting at which the report is read: the line under its title."""
    return {
        "meeting_date": forms.DateField(
            label=_("Meeting date"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={
                "invalid": _("Enter the meeting date as a date, such as 2018-12-25.")
            },
        ),
        "meeting_name": forms.CharField(
            label=pgettext_lazy("work report", "Meeting"),
            max_length=100,
            required=False,
            help_text=_(
                "For example: 武汉市武昌区第十五届人大常委会第16次会议. With the "
                "date it gives the line under the title; left empty, there is none."
            ),
        ),
    }


class GenerateForm(forms.Form):
    year = forms.IntegerField(
        label=_("Report year"),
        error_messages={
            "required": _("Enter the year of the report."),
            "invalid": pgettext_lazy("work report", "Enter a year such as 2018."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(meeting_fields())

    def clean_year(self):
        year = self.cleaned_data["year"]
        last = timezone.localdate().year
        if not EARLIEST_YEAR <= year <= last:
            raise forms.ValidationError(
                _("Enter a year between %(first)s and %(last)s.")
                % {"first": EARLIEST_YEAR, "last": last}
            )
        if WorkReport.objects.filter(year=year).exists():
            raise forms.ValidationError(
                _("There is already a work report for %(year)s.") % {"year": year}
            )
        return year


class VersionForm(forms.Form):
    """The editor: title, meeting, one field per paragraph and a note."""

    title = forms.CharField(label=_("Title"), max_length=200)

    def __init__(self, *args, version, figure_keys, **kwargs):
        super().__init__(*args, **kwargs)
        self.figure_keys = set(figure_keys)
        self.paragraph_keys = []
        labels = paragraph_labels(version.paragraphs)
        self.fields.update(meeting_fields())
        self.initial.setdefault("title", version.title)
        self.initial.setdefault("meeting_date", version.report.meeting_date)
        self.initial.setdefault("meeting_name", version.report.meeting_name)
        for paragraph in version.paragraphs:
            name = self.field_name(paragraph["key"])
            free = paragraph["part"] in FREE_TEXT_PARTS
            self.fields[name] = forms.CharField(
                label=labels[paragraph["key"]],
                required=False,
                max_length=MAX_FREE_TEXT if free else MAX_PARAGRAPH,
                widget=forms.Textarea(attrs={"rows": 10 if free else 5}),
                help_text=_(
                    "One paragraph per line; a line such as “（一）……” is a heading."
                )
                if free
                else "",
            )
            self.initial.setdefault(name, paragraph["text"])
            self.paragraph_keys.append(paragraph["key"])
        self.fields["note"] = forms.CharField(
            label=_("What changed"),
            max_length=200,
            required=False,
            help_text=_("A short note for the version history."),
        )

    @staticmethod
    def field_name(key: str) -> str:
        return "p__" + key.replace(".", "__")

    def paragraph_fields(self):
        return [self[self.field_name(key)] for key in self.paragraph_keys]

    def clean(self):
        cleaned = super().clean()
        for key in self.paragraph_keys:
            name = self.field_name(key)
            unknown = [
                k
                for k in referenced_keys(cleaned.get(name, ""))
                if k not in self.figure_keys
            ]
            if unknown:
                self.add_error(
                    name,
                    _("Unknown figure marker: %(marker)s. Use a marker from the list.")
                    % {"marker": "、".join(f"[[{k}]]" for k in unknown)},
                )
        return cleaned

    def texts(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(self.field_name(key), "")
            for key in self.paragraph_keys
        }


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=ReportExport.Format.choices,
        error_messages={"invalid_choice": _("Choose Word, PDF, web page or CSV.")},
    )
