"""The public, de-identified open-data ZIP: CSV files and their dictionary.

What goes in is chosen column by column (DATASETS); nothing is exported by
"all fields". No resident's name, phone or address, no suggestion text or title
(a title can name a person or a doorway), no deputy's private phone, no
session summary or issue text.
"""

import io
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core import spreadsheets
from core.db_routers import reads_from_replica
from deputies.models import Deputy
from publicity.models import Article
from reception.models import ReceptionSession, Station
from suggestions.models import Suggestion

ZIP_NAME = "opendata/ziyang-open-data.zip"


@dataclass(frozen=True)
class Column:
    name: str
    description: object


@dataclass(frozen=True)
class Dataset:
    filename: str
    title: object
    columns: tuple[Column, ...]
    rows: object  # () -> iterable of tuples, in the order of the columns


def _stations():
    for s in Station.objects.public().select_related("community").order_by("ordering"):
        yield (
            s.slug,
            s.name,
            s.get_kind_display(),
            s.community.name if s.community else "",
            s.address,
            s.opening_hours,
            s.reception_days,
            s.upgraded_on or "",
        )


def _deputies():
    for d in (
        Deputy.objects.current()
        .select_related("constituency", "community")
        .order_by("constituency__number", "name")
    ):
        yield (
            d.pk,
            d.name,
            d.get_gender_display(),
            d.get_level_display(),
            d.term,
            d.constituency.name if d.constituency else "",
            d.community.name if d.community else "",
            d.party,
            d.occupation,
        )


def _sessions():
    for s in (
        ReceptionSession.objects.select_related("station")
        .annotate(deputies_n=Count("deputies", distinct=True))
        .order_by("started_at")
    ):
        yield (
            timezone.localtime(s.started_at).date(),
            s.station.slug,
            s.station.name,
            s.get_mode_display(),
            s.deputies_n,
            s.voters_received,
        )


def _suggestion_counts():
    rows = (
        Suggestion.objects.order_by()
        .values_list("received_at__year", "kind", "source", "community__name", "status")
        .annotate(n=Count("pk"))
        .order_by("received_at__year", "kind", "source", "community__name", "status")
    )
    for year, kind, source, community, status, n in rows:
        yield (
            year,
            Suggestion.Kind(kind).label,
            Suggestion.Source(source).label,
            community or "",
            Suggestion.Status(status).label,
            n,
        )


def _articles():
    for a in Article.objects.published().order_by("date", "pk"):
        yield (a.pk, a.date, a.title, a.summary, a.get_absolute_url())


DATASETS = (
    Dataset(
        "stations.csv",
        _("Reception stations"),
        (
            Column("slug", _("Identifier of the station in the portal's addresses")),
            Column("name", _("Name")),
            Column("kind", _("Community station or the street's deputy office")),
            Column("community", _("Community")),
            Column("address", _("Address of the station")),
            Column("opening_hours", _("Opening hours")),
            Column("reception_days", _("Days deputies receive voters")),
            Column("upgraded_on", _("Date the station was upgraded")),
        ),
        _stations,
    ),
    Dataset(
        "deputies.csv",
        _("Deputies' public profiles"),
        (
            Column("id", _("Identifier of the deputy's public profile")),
            Column("name", _("Name")),
            Column("gender", _("Gender")),
            Column("level", _("Level of the people's congress")),
            Column("term", _("Term")),
            Column("constituency", _("Constituency")),
            Column("community", _("Community")),
            Column("party", _("Party affiliation")),
            Column("occupation", _("Occupation")),
        ),
        _deputies,
    ),
    Dataset(
        "sessions.csv",
        _("Reception sessions (no personal data, no summaries)"),
        (
            Column("date", _("Date")),
            Column("station_slug", _("Identifier of the venue")),
            Column("station", _("Venue")),
            Column("mode", _("Centralised, routine or online")),
            Column("deputies_present", _("Number of deputies present")),
            Column("voters_received", _("Number of voters received")),
        ),
        _sessions,
    ),
    Dataset(
        "suggestion_counts.csv",
        _("Suggestions: counts by year, kind, source, community and status"),
        (
            Column("year", _("Year received")),
            Column("kind", _("Resident opinion or deputy suggestion")),
            Column("source", _("How it reached the committee")),
            Column("community", _("Community (empty when not given)")),
            Column("status", _("Status")),
            Column("count", _("Number of items")),
        ),
        _suggestion_counts,
    ),
    Dataset(
        "articles.csv",
        _("Published articles"),
        (
            Column("id", _("Identifier of the article")),
            Column("date", _("Date")),
            Column("title", _("Title")),
            Column("summary", _("Summary of the article")),
            Column("path", _("Address of the article on the portal")),
        ),
        _articles,
    ),
)


def dictionary_rows():
    """(file, column, description) for every column of every file."""
    return [
        (d.filename, c.name, str(c.description)) for d in DATASETS for c in d.columns
    ]


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = spreadsheets.CsvWriter(out)
    writer.writerow(header)
    writer.writerows(rows)
    # A byte-order mark lets Excel open the Chinese text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build_zip(now=None) -> bytes:
    """The ZIP in Chinese, whatever the language of the request."""
    now = now or timezone.now()
    buffer = io.BytesIO()
    with (
        override("zh-hans"),
        reads_from_replica(),
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for dataset in DATASETS:
            z.writestr(
                dataset.filename,
                _csv([c.name for c in dataset.columns], dataset.rows()),
            )
        z.writestr(
            "data_dictionary.csv",
            _csv(["file", "column", "description"], dictionary_rows()),
        )
        z.writestr("README.txt", _readme(now))
    return buffer.getvalue()


def _readme(now) -> str:
    lines = [
        str(_("Open data of the Ziyang Street people's congress working committee")),
        str(_("Generated at %(at)s from the portal's records.") % {
            "at": timezone.localtime(now).strftime("%Y-%m-%d %H:%M")
        }),
        str(_("No resident's name, phone number, address or suggestion text is "
              "included. The columns are described in data_dictionary.csv.")),
        "",
    ]  # fmt: skip
    for dataset in DATASETS:
        lines.append(f"{dataset.filename}: {dataset.title}")
    return "\n".join(lines) + "\n"


def regenerate() -> str:
    """Rebuild the ZIP and store it where the public page serves it from."""
    content = build_zip()
    if default_storage.exists(ZIP_NAME):
        default_storage.delete(ZIP_NAME)
    return default_storage.save(ZIP_NAME, ContentFile(content))
