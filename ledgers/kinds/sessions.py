"""The reception ledger (接待选民台账): one session a row, its issues one a line."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from reception.models import ReceptionSession, SessionIssue, Station

from ..sheets import Column
from . import common
from .base import Ledger

MODE_WORDS = {"集中": "centralised", "日常": "routine", "网上": "online"}


class SessionLedger(Ledger):
    kind = "sessions"
    title = gettext_lazy("Reception sessions")
    model = ReceptionSession
    columns = [
        Column(
            "station",
            pgettext_lazy("ledger column", "Station"),
            True,
            gettext_lazy("The station's name as in the portal (see below)."),
        ),
        Column(
            "date",
            pgettext_lazy("ledger column", "Date"),
            True,
            gettext_lazy("As 2019-03-05."),
        ),
        Column(
            "time",
            pgettext_lazy("ledger column", "Time"),
            False,
            gettext_lazy("As 09:30; 09:00 when empty."),
        ),
        Column(
            "deputies",
            pgettext_lazy("ledger column", "Deputies present"),
            True,
            gettext_lazy("Names as in the register, separated by 、."),
        ),
        Column(
            "voters",
            pgettext_lazy("ledger column", "Voters received"),
            True,
            gettext_lazy("A whole number."),
        ),
        Column(
            "mode",
            pgettext_lazy("ledger column", "Mode"),
            True,
            gettext_lazy("See below."),
        ),
        Column(
            "issues",
            pgettext_lazy("ledger column", "Issues raised"),
            False,
            gettext_lazy(
                "One issue a line (Alt+Enter in Excel); no voter's "
                "name, phone or address."
            ),
        ),
        Column(
            "summary",
            pgettext_lazy("ledger column", "Summary"),
            False,
            gettext_lazy(
                "Shown on the public station page: no voter's name, phone or address."
            ),
        ),
    ]
    field_columns = {
        "station": "station",
        "started_at": "date",
        "voters_received": "voters",
        "mode": "mode",
        "summary": "summary",
    }
    notes = [
        gettext_lazy(
            "One reception session a row; the first row holds the column names."
        ),
        gettext_lazy(
            "A session already on record at the same station on the same "
            "day is skipped, so the same sheet can be imported again."
        ),
        gettext_lazy(
            "If any row is wrong, the whole sheet is refused and nothing is saved."
        ),
    ]

    def allowed(self):
        return [
            (_("Stations"), Station.objects.values_list("name", flat=True)),
            (_("Modes"), common.labels(ReceptionSession.Mode.choices)),
        ]

    def examples(self):
        station = Station.objects.filter(active=True).first()
        names = (
            list(station.deputies.values_list("name", flat=True)[:2]) if station else []
        )
        return [
            [
                station.name if station else "",
                "2019-03-05",
                "09:00",
                "、".join(names),
                12,
                str(ReceptionSession.Mode.CENTRALISED.label),
                "小区路灯不亮\n楼道堆放杂物",
                "代表接待选民,收集意见建议(示例)",
            ]
        ]

    def context(self, user):
        existing = {
            (station_id, timezone.localtime(at).date())
            for station_id, at in ReceptionSession.objects.values_list(
                "station_id", "started_at"
            )
        }
        return {
            "user": user,
            "stations": {s.name: s for s in Station.objects.all()},
            "deputies": common.deputy_lookup(),
            "modes": common.choices(ReceptionSession.Mode.choices, MODE_WORDS),
            "existing": existing,
        }

    def plan(self, row, context):
        station = common.named(
            row, "station", context["stations"], _("station"), required=True
        )
        day = common.date(row, "date", required=True)
        common.not_future(row, "date", day)
        if station and day and not station.in_service_on(day):
            row.error("station", _("the station was not in service on that day."))
        present = common.deputies(row, "deputies", context["deputies"], required=True)
        session = ReceptionSession(
            station=station,
            started_at=common.moment(row, "date", "time", day),
            mode=common.choice(row, "mode", context["modes"], required=True) or "",
            voters_received=common.number(row, "voters", required=True),
            summary=row.get("summary"),
            created_by=context["user"],
        )
        issues = [line.strip() for line in row.get("issues").splitlines()]
        issues = [line for line in issues if line]
        for line in issues:
            if len(line) > 1000:
                row.error("issues", _("an issue is longer than 1000 characters."))
        if row.errors or not common.validated(row, session, self.field_columns):
            return None
        key = (station.pk, day)
        return common.Plan(
            row=row.number,
            key=key,
            existing=key in context["existing"],
            summary=[
                station.name,
                f"{day:%Y-%m-%d}",
                "、".join(d.name for d in present),
                session.voters_received,
                session.get_mode_display(),
                len(issues),
            ],
            create=lambda: _create(session, present, issues),
        )

    def preview_headers(self):
        return [
            _("Station"),
            _("Date"),
            _("Deputies present"),
            _("Voters received"),
            _("Mode"),
            _("Issues raised"),
        ]


@transaction.atomic
def _create(session, present, issues):
    session.save()
    session.deputies.set(present)
    SessionIssue.objects.bulk_create(
        SessionIssue(
            session=session,
            text=text,
            community_id=session.station.community_id,
            ordering=index,
        )
        for index, text in enumerate(issues)
    )
    return session
