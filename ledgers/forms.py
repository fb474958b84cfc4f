from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import sheets
from .sheets import XLSX_TYPE


class LedgerUploadForm(forms.Form):
    sheet = forms.FileField(
        label=_("Ledger sheet (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX_TYPE}"}),
    )

    def clean_sheet(self):
        sheet = self.cleaned_data["sheet"]
        if not sheet.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _(
                    "Only Excel workbooks (.xlsx) can be imported; save the sheet "
                    "as .xlsx first."
                )
            )
        if sheet.size > sheets.MAX_SHEET_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s.")
                % {"limit": filesizeformat(sheets.MAX_SHEET_BYTES)}
            )
        return sheet
