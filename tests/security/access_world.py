"""The demo year seen by every persona, and sample arguments for each URL."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.security.access_judge import portal_urls
from tests.security.access_rules import URL_RULES


class World:
    """The demo year, the personas' logins and one object of each kind."""

    def __init__(self):
        call_command("load_demo")
        from deputies.access import deputy_for
        from deputies.models import Deputy

        User = get_user_model()
        self.users = {
            "anonymous": None,
            "resident": User.objects.create_user("resident-matrix", password="x" * 16),
            "deputy": User.objects.get(username="deputy"),
            "other_deputy": User.objects.get(username="deputy2"),
            "staff": User.objects.get(username="staff"),
            "superuser": User.objects.get(username="admin"),
        }
        self.zhang = deputy_for(self.users["deputy"])
        self.li = deputy_for(self.users["other_deputy"])
        assert self.zhang and self.li, "the demo deputies have no linked login"
        self.any_deputy = Deputy.objects.order_by("pk").first()
        self.problems = []
        self.samples = {}

    def client(self, persona):
        client = Client()
        if self.users[persona] is not None:
            client.force_login(self.users[persona])
        return client

    def request(self, persona):
        from django.contrib.auth.models import AnonymousUser

        request = RequestFactory().get("/admin/")
        request.user = self.users[persona] or AnonymousUser()
        return request

    # Objects the "deputy" persona owns, made fresh so the edit window is open.
    def own_session(self):
        if "session" not in self.samples:
            from reception.models import Station
            from tests.reception.factories import ReceptionSessionFactory

            session = ReceptionSessionFactory(
                station=Station.objects.order_by("pk").first(),
                deputies=[self.zhang],
                created_by=self.users["deputy"],
            )
            self.samples["session"] = session
        return self.samples["session"]

    def own_attendance(self):
        """A training the "deputy" persona attended: they write its reflection."""
        from deputies.models import Attendance, DutyActivity

        return Attendance.objects.filter(
            deputy=self.zhang, attended=True, activity__kind=DutyActivity.Kind.TRAINING
        ).first()

    def own_issue(self):
        from tests.reception.factories import SessionIssueFactory

        return SessionIssueFactory(session=self.own_session())

    def own_session_photo(self):
        """A photo of the "deputy" persona's session (private: voters' faces)."""
        from tests.reception.factories import SessionPhotoFactory

        return SessionPhotoFactory(session=self.own_session())

    def own_suggestion(self):
        from suggestions.models import Suggestion

        theirs = Suggestion.objects.for_deputy(self.li).values("pk")
        suggestion = (
            Suggestion.objects.for_deputy(self.zhang).exclude(pk__in=theirs).first()
        )
        if suggestion is None:
            from tests.suggestions.factories import SuggestionFactory

            suggestion = SuggestionFactory(following_deputy=self.zhang)
        return suggestion

    def own_photo(self):
        """A resident's photo on a suggestion the "deputy" persona follows."""
        from django.core.files.base import ContentFile

        from suggestions.models import SuggestionPhoto

        return SuggestionPhoto.objects.create(
            suggestion=self.own_suggestion(),
            image=ContentFile(b"\xff\xd8matrix", name="matrix.jpg"),
        )

    def staff_export(self):
        """A register export the staff persona made (so it is theirs)."""
        if "export" not in self.samples:
            from exports.models import Export

            self.samples["export"] = Export.objects.create(
                user=self.users["staff"], register=Export.Register.values[0], year=2018
            )
        return self.samples["export"]

    def staff_ledger_import(self):
        """A sheet the staff persona uploaded, waiting for its confirmation.

        Its file cannot be read, so a confirmation that passes the access checks
        is answered 400 and the record stays waiting for the next persona."""
        if "ledger_import" not in self.samples:
            from ledgers.models import LedgerImport

            self.samples["ledger_import"] = LedgerImport.objects.create(
                kind=LedgerImport.Kind.SESSIONS,
                file_name="matrix.xlsx",
                fingerprint="0" * 64,
                content=b"not a workbook",
                user=self.users["staff"],
            )
        return self.samples["ledger_import"]

    def roster_reminder(self):
        """A reminder the schedule made for the "deputy" persona."""
        from django.utils import timezone

        from reception.models import Station
        from rosters.models import Reminder

        now = timezone.now()
        return Reminder.objects.get_or_create(
            deputy=self.zhang,
            station=Station.objects.public().order_by("pk").first(),
            date=timezone.localdate(now),
            defaults={"starts_at": now},
        )[0]

    def report(self):
        if "report" not in self.samples:
            from report.models import ReportExport, WorkReport
            from report.services import report_generate

            report = WorkReport.objects.first() or report_generate(
                year=2018, user=self.users["superuser"]
            )
            export = ReportExport.objects.create(
                report=report,
                version=report.latest_version(),
                format=ReportExport.Format.values[0],
                requested_by=self.users["superuser"],
            )
            self.samples["report"] = (report, export)
        return self.samples["report"]


def _captcha_key(world):
    from captcha.models import CaptchaStore

    return {"key": CaptchaStore.generate_key()}


def _published_article(world):
    from publicity.models import Article

    return {"pk": Article.objects.published().order_by("pk").first().pk}


def _public_station(world):
    from reception.models import Station

    return {"slug": Station.objects.public().order_by("pk").first().slug}


def _serving_deputy(world):
    """A deputy now serving (a past one's feed and poster are 404)."""
    from deputies.models import Deputy

    return {"pk": Deputy.objects.current().order_by("pk").first().pk}


def _stop_token(world):
    """The signed link of a notice e-mail, for an item of the demo year."""
    from suggestions import delivery_notices
    from suggestions.models import Suggestion

    suggestion = Suggestion.objects.order_by("pk").first()
    token = delivery_notices.stop_token(suggestion)
    # A token that does not resolve is a 404, which PUBLIC would not catch.
    assert delivery_notices.suggestion_for_stop_token(token) == suggestion
    return {"token": token}


def _report(world, **extra):
    report, export = world.report()
    values = {"pk": report.pk, "export_id": export.pk}
    values["number"] = report.latest_version().number
    return {k: v for k, v in values.items() if k in extra["keys"]}


def _suggestion_pk(world):
    from suggestions.models import Suggestion

    return {"pk": Suggestion.objects.order_by("pk").first().pk}


def _suggestion_history(world):
    from suggestions.models import Suggestion

    record = Suggestion.history.order_by("history_id").first()
    return ([record.id, record.history_id], "")


def _totp_device(world):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # Unconfirmed, so that its owner is not asked for a code by the matrix.
    device, _ = TOTPDevice.objects.get_or_create(
        user=world.users["staff"], name="matrix", confirmed=False
    )
    return {"pk": device.pk}


def _view_on_site(world):
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(type(world.any_deputy))
    return {"content_type_id": content_type.pk, "object_id": world.any_deputy.pk}


# URL name -> the keyword arguments to reverse it with, taken from the world.
SAMPLES = {
    "my:archive_export": lambda w: {"fmt": "docx"},
    "captcha-image": _captcha_key,
    "captcha-image-2x": _captcha_key,
    "captcha-audio": _captcha_key,
    "deputies:detail": lambda w: {"pk": w.any_deputy.pk},
    "reception:station_detail": _public_station,
    "deputies:my_reflection_edit": lambda w: {"pk": w.own_attendance().pk},
    "reception:my_session_detail": lambda w: {"pk": w.own_session().pk},
    "reception:my_session_edit": lambda w: {"pk": w.own_session().pk},
    "reception:my_session_delete": lambda w: {"pk": w.own_session().pk},
    "reception:session_photo": lambda w: {"pk": w.own_session_photo().pk},
    "suggestions:my_suggestion": lambda w: {"pk": w.own_suggestion().pk},
    "suggestions:photo": lambda w: {"pk": w.own_photo().pk},
    "suggestions:from_session_issue": lambda w: (
        lambda issue: {"session_id": issue.session_id, "issue_uid": issue.uid}
    )(w.own_issue()),
    "suggestions:notices_stop": _stop_token,
    "rosters:station_calendar": _public_station,
    "rosters:station_poster": _public_station,
    "rosters:deputy_calendar": _serving_deputy,
    "rosters:deputy_poster": _serving_deputy,
    "publicity:news_detail": _published_article,
    "api:station": _public_station,
    "api:deputy": lambda w: {"pk": w.any_deputy.pk},
    "api:article": _published_article,
    "exports:download": lambda w: {"pk": w.staff_export().pk},
    "exports:progress": lambda w: {"pk": w.staff_export().pk},
    "admin:view_on_site": _view_on_site,
    "admin:app_list": lambda w: {"app_label": "deputies"},
    "admin:auth_user_password_change": lambda w: {"id": w.users["resident"].pk},
    "admin:autocomplete": lambda w: (
        {},
        "app_label=publicity&model_name=submission&field_name=article&term=a",
    ),
    "admin:suggestions_suggestion_simple_history": _suggestion_history,
    "admin:deputies_deputy_archive": lambda w: {"pk": w.zhang.pk},
    "admin:deputies_deputy_archive_export": lambda w: {"pk": w.zhang.pk, "fmt": "docx"},
    "admin:suggestions_suggestion_act": _suggestion_pk,
    "admin:suggestions_suggestion_reveal": _suggestion_pk,
    "admin:ledgers_upload": lambda w: {"kind": "sessions"},
    "admin:ledgers_template": lambda w: {"kind": "sessions"},
    "admin:ledgers_confirm": lambda w: {"pk": w.staff_ledger_import().pk},
    "admin:otp_totp_totpdevice_config": _totp_device,
    "admin:otp_totp_totpdevice_qrcode": _totp_device,
}
for _name in URL_RULES:
    if _name.startswith("admin:report_workreport_"):
        SAMPLES[_name] = lambda w, _n=_name: _report(
            w, keys=set(portal_urls()[_n].pattern.converters)
        )


def reverse_sample(world, name, pattern):
    """The URL with sample arguments; SAMPLES may give kwargs, args or a query."""
    sample = {}
    if name in SAMPLES:
        sample = SAMPLES[name](world)
    elif pattern.pattern.regex.groups:
        raise LookupError(f"{name}: takes arguments but has no entry in SAMPLES")
    arguments, query = sample if isinstance(sample, tuple) else (sample, "")
    if isinstance(arguments, dict):
        url = reverse(name, kwargs=arguments)
    else:
        url = reverse(name, args=arguments)
    return f"{url}?{query}" if query else url
