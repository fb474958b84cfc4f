from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .models import Attendance, ByElection, Community, Constituency, Deputy


class DirectoryFilterForm(forms.Form):
    """The public directory's filters; every field may be left empty."""

    q = forms.CharField(label=_("Name"), required=False, max_length=50)
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *Deputy.Level.choices],
    )
    constituency = forms.ModelChoiceField(
        label=_("Constituency"),
        required=False,
        queryset=Constituency.objects.all(),
        empty_label=_("All constituencies"),
    )
    community = forms.ModelChoiceField(
        label=_("Community"),
        required=False,
        queryset=Community.objects.all(),
        empty_label=_("All communities"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("level", "constituency", "community"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def filter(self, deputies):
        data = self.cleaned_data
        deputies = deputies.search(data.get("q"))
        if data.get("level"):
            deputies = deputies.filter(level=data["level"])
        if data.get("constituency"):
            deputies = deputies.filter(constituency=data["constituency"])
        if data.get("community"):
            deputies = deputies.filter(community=data["community"])
        return deputies


class RegisterImportForm(forms.Form):
    sheet = forms.FileField(
        label=_("Register sheet (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet"
            }
        ),
    )


class ByElectionForm(forms.ModelForm):
    class Meta:
        model = ByElection
        fields = ["constituency", "date", "seats", "elected", "notes"]

    def clean(self):
        cleaned = super().clean()
        elected = cleaned.get("elected")
        seats = cleaned.get("seats")
        constituency = cleaned.get("constituency")
        if elected is not None and seats and len(elected) > seats:
            self.add_error("elected", _("More deputies elected than there were seats."))
        if elected and constituency:
            outside = [d.name for d in elected if d.constituency_id != constituency.pk]
            if outside:
                self.add_error(
                    "elected",
                    _("Not deputies of this constituency: %(names)s.")
                    % {"names": "、".join(outside)},
                )
        return cleaned


REFLECTION_MAX_LENGTH = 5000


class ReflectionForm(forms.ModelForm):
    """A deputy's written reflection (心得体会) on a training or study trip."""

    class Meta:
        model = Attendance
        fields = ["reflection"]
        widgets = {"reflection": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reflection"]
        field.required = True
        field.max_length = REFLECTION_MAX_LENGTH
        field.widget.attrs["maxlength"] = REFLECTION_MAX_LENGTH
        field.validators.append(MaxLengthValidator(REFLECTION_MAX_LENGTH))
        field.help_text = _(
            "What you learnt and how you will use it in your duties; at most "
            "%(limit)s characters."
        ) % {"limit": REFLECTION_MAX_LENGTH}
        field.error_messages["required"] = _("Please write your reflection.")

    def clean_reflection(self):
        text = self.cleaned_data["reflection"].replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError(_("Please write your reflection."))
        return text
