"""Workflows of the deputies' register: import from and export to Excel."""

import datetime
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from core import spreadsheets

from .models import Community, Constituency, Deputy, mask_phone

MAX_SHEET_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The register's columns, in sheet order: (key, header, required).
COLUMNS = [
    ("name", gettext_lazy("Name"), True),
    ("gender", gettext_lazy("Gender"), True),
    ("ethnicity", gettext_lazy("Ethnicity"), False),
    ("party", gettext_lazy("Party affiliation"), False),
    ("birth_year", gettext_lazy("Birth year"), False),
    ("level", gettext_lazy("Level"), True),
    ("term", gettext_lazy("Term"), True),
    ("constituency", gettext_lazy("Constituency number"), False),
    ("community", gettext_lazy("Community"), False),
    ("occupation", gettext_lazy("Occupation"), False),
    ("employer", gettext_lazy("Employer"), False),
    ("phone", gettext_lazy("Private phone"), False),
    ("active_from", gettext_lazy("Active from"), False),
    ("active_to", gettext_lazy("Active to"), False),
    ("profile", gettext_lazy("Public profile"), False),
]


class RegisterRowForm(forms.ModelForm):
    """One sheet row, validated like the admin form validates a deputy."""

    phone = forms.RegexField(
        regex=r"^1[3-9]\d{9}$",
        required=False,
        error_messages={"invalid": gettext_lazy("Enter an 11-digit mobile number.")},
    )

    class Meta:
        model = Deputy
        fields = [key for key, _header, _required in COLUMNS]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _headers_in_every_language() -> dict[str, str]:
    """Header text -> column key, in Chinese and in English."""
    lookup = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for key, header, _required in COLUMNS:
                lookup[str(header).strip().lower()] = key
    return lookup


def _choice_lookup(choices) -> dict[str, str]:
    """Label or value (in either language) -> value, for a TextChoices."""
    lookup = {}
    for language in ("zh-hans", "en"):
        with translation.override(language):
            for value, label in choices:
                lookup[str(label).strip().lower()] = value
                lookup[value] = value
    return lookup


# Words staff actually type for the level and gender, besides the labels.
LEVEL_WORDS = {"区": "district", "市": "city", "省": "province", "全国": "national"}
GENDER_WORDS = {"男": "m", "女": "f"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).strip()


def register_template() -> bytes:
    """An empty register sheet with the headers and one example row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Deputies")
    spreadsheets.append(sheet, [str(header) for _key, header, _required in COLUMNS])
    spreadsheets.append(
        sheet,
        [
            "王某某(示例)",
            _("Female"),
            "汉族",
            "中共党员",
            1975,
            _("District"),
            15,
            1,
            Community.objects.values_list("name", flat=True).first() or "",
            "社区书记",
            "示例单位",
            "13900000000",
            "2016-12-01",
            "",
            "",
        ],
    )
    _style(sheet)
    notes = workbook.create_sheet(_("Instructions"))
    for line in (
        _("One deputy per row; the first row holds the column names."),
        _("Name, gender, level and term are required."),
        _("Gender: Male or Female. Level: District, City, Province or National."),
        _("Constituency: its number. Community: its name as in the portal."),
        _("Dates as 2018-06-28. Phone: an 11-digit mobile number."),
        _("A row updates the deputy of the same name and level, or adds one."),
        _("A sheet with any error is refused as a whole: nothing is saved."),
    ):
        spreadsheets.append(notes, [line])
    notes.column_dimensions["A"].width = 80
    return _save(workbook)


def export_register(deputies, *, show_phone: bool) -> bytes:
    """The register as a sheet in the import layout (so it can be re-imported).

    Private phones are masked unless the person exporting may see them.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Deputies")
    spreadsheets.append(sheet, [str(header) for _key, header, _required in COLUMNS])
    for deputy in deputies.select_related("constituency", "community"):
        spreadsheets.append(
            sheet,
            [
                deputy.name,
                deputy.get_gender_display(),
                deputy.ethnicity,
                deputy.party,
                deputy.birth_year,
                deputy.get_level_display(),
                deputy.term,
                deputy.constituency.number if deputy.constituency else None,
                deputy.community.name if deputy.community else "",
                deputy.occupation,
                deputy.employer,
                deputy.phone if show_phone else mask_phone(deputy.phone),
                deputy.active_from,
                deputy.active_to,
                deputy.profile,
            ],
        )
    _style(sheet)
    return _save(workbook)


def _style(sheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in "ABCDEFGHIJKLMNO":
        sheet.column_dimensions[column].width = 16
    sheet.freeze_panes = "A2"


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def register_import(*, upload) -> ImportResult:
    """Read a register sheet; save every row, or none when any row is wrong.

    Errors name the row as staff see it in Excel (the header is row 1).
    """
    result = ImportResult()
    if upload.size > MAX_SHEET_BYTES:
        result.errors.append(_("The sheet is larger than 5 MB."))
        return result
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - a damaged zip raises almost anything
        result.errors.append(
            _("This file is not an Excel sheet (.xlsx). Please use the template.")
        )
        return result
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = next(rows, None)
    lookup = _headers_in_every_language()
    keys = [lookup.get(_text(cell).lower()) for cell in header or []]
    missing = [
        str(title) for key, title, required in COLUMNS if required and key not in keys
    ]
    if missing:
        result.errors.append(
            _("Row 1: missing columns: %(columns)s.") % {"columns": "、".join(missing)}
        )
        return result
    forms_to_save = _validate_rows(rows, keys, result)
    if not result.errors and not forms_to_save:
        result.errors.append(_("The sheet has no deputy rows."))
    if result.errors:
        return result
    with transaction.atomic():
        for form in forms_to_save:
            if form.instance.pk:
                result.updated += 1
            else:
                result.created += 1
            form.save()
    return result


def _validate_rows(rows, keys, result) -> list:
    """The rows' forms, when valid; each wrong row adds one error to the result."""
    lookups = _row_lookups()
    seen = {}
    valid = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            result.errors.append(
                _("The sheet has more than %(max)d rows.") % {"max": MAX_ROWS}
            )
            break
        values = {key: _text(cell) for key, cell in zip(keys, row, strict=False) if key}
        if not any(values.values()):
            continue
        form, problems = _check_row(values, number, lookups, seen)
        if problems:
            result.errors.append(
                _("Row %(row)d: %(problems)s")
                % {"row": number, "problems": ";".join(str(p) for p in problems)}
            )
        else:
            valid.append(form)
    return valid


@dataclass
class _RowLookups:
    """What the rows' words and numbers are matched against, read once a sheet."""

    levels: dict
    genders: dict
    constituencies: dict
    communities: dict
    existing: dict


def _row_lookups() -> _RowLookups:
    return _RowLookups(
        levels={**_choice_lookup(Deputy.Level.choices), **LEVEL_WORDS},
        genders={**_choice_lookup(Deputy.Gender.choices), **GENDER_WORDS},
        constituencies=dict(Constituency.objects.values_list("number", "pk")),
        communities=dict(Community.objects.values_list("name", "pk")),
        existing={(d.name, d.level): d for d in Deputy.objects.all()},
    )


def _check_row(values, number, lookups, seen):
    """The row's form and its problems; `seen` remembers the row of each deputy."""
    problems = []
    data = _row_data(values, lookups, problems)
    instance = lookups.existing.get((values.get("name"), data["level"]))
    if instance and "****" in values.get("phone", ""):
        # A masked export read back in: keep the number on file.
        data["phone"] = instance.phone
    key = (values.get("name"), data["level"])
    if key in seen:
        problems.append(
            _("the same deputy is already in row %(row)d") % {"row": seen[key]}
        )
    seen[key] = number
    form = RegisterRowForm(data=data, instance=instance)
    if not form.is_valid():
        for name, messages in form.errors.items():
            label = form.fields[name].label if name in form.fields else _("row")
            problems.extend(f"{label}:{m}" for m in messages)
    return form, problems


def _row_data(values, lookups, problems) -> dict:
    """The row as the form takes it.

    An unknown constituency number or community name is added to the problems.
    """
    data = dict(values)
    levels, genders = lookups.levels, lookups.genders
    data["level"] = levels.get(values.get("level", "").lower(), values.get("level"))
    data["gender"] = genders.get(values.get("gender", "").lower(), values.get("gender"))
    if values.get("constituency"):
        try:
            data["constituency"] = lookups.constituencies[int(values["constituency"])]
        except (KeyError, ValueError):
            problems.append(
                _("no constituency number %(value)s")
                % {"value": values["constituency"]}
            )
    if values.get("community"):
        data["community"] = lookups.communities.get(values["community"])
        if data["community"] is None:
            problems.append(
                _("no community named %(value)s") % {"value": values["community"]}
            )
    for date_key in ("active_from", "active_to"):
        data[date_key] = values.get(date_key, "")[:10]
    return data
