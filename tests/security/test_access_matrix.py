"""The access matrix: every URL and every admin model against every role.

The rules are declared ONCE, in the tables below. The URL configuration and the
admin registry are walked at run time, so a new page or admin model without a
rule fails `test_every_url_has_an_access_rule` / `test_every_admin_model_has_an_
access_rule` with its name; a rule the code does not keep fails the matrix with
the persona, the URL and the status seen.

To add a page: add its URL name to URL_RULES (and its arguments to SAMPLES if it
takes any). To add an admin model: add its label to ADMIN_MODEL_RULES.
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# -- the rules -----------------------------------------------------------------

PUBLIC = "public"  # everybody, logged in or not
DEPUTY = "deputy"  # any deputy with a linked Deputy record
OWNER = "owner"  # only the deputy the object belongs to (others: 403/404)
OWNER_OR_STAFF = "owner_or_staff"  # that deputy, committee staff, superusers
STAFF = "staff"  # committee staff and superusers
SUPERUSER = "superuser"  # superusers only
NOBODY = "nobody"  # refused to everybody, superusers included

PERSONAS = ["anonymous", "resident", "deputy", "other_deputy", "staff", "superuser"]

# Who gets in under each rule. The sample objects belong to the "deputy" persona.
ALLOWED = {
    PUBLIC: set(PERSONAS),
    DEPUTY: {"deputy", "other_deputy"},
    OWNER: {"deputy"},
    OWNER_OR_STAFF: {"deputy", "staff", "superuser"},
    STAFF: {"staff", "superuser"},
    SUPERUSER: {"superuser"},
    NOBODY: set(),
}

# Every named URL of the portal: a rule for GET, or a rule per method where a
# POST does what the page only offers. Admin pages of a model (changelist, add,
# change, delete, history) are covered by ADMIN_MODEL_RULES instead; the extra
# pages model admins add (imports, exports, statistics, ...) are listed here.
URL_RULES = {
    # portal
    "home": PUBLIC,
    "healthz": PUBLIC,
    "set_language": PUBLIC,
    "login": PUBLIC,
    "logout": PUBLIC,
    "security:two_factor_setup": STAFF,
    "security:two_factor_verify": STAFF,
    "my:home": DEPUTY,
    "my:archive": DEPUTY,
    "my:archive_export": DEPUTY,
    "my:dashboard": DEPUTY,
    "captcha-image": PUBLIC,
    "captcha-image-2x": PUBLIC,
    "captcha-audio": PUBLIC,
    "captcha-refresh": PUBLIC,
    # deputies
    "deputies:list": PUBLIC,
    "deputies:detail": PUBLIC,
    "deputies:my_reflections": DEPUTY,
    "deputies:my_reflection_edit": OWNER,
    # reception
    "reception:station_list": PUBLIC,
    "reception:station_detail": PUBLIC,
    "reception:my_sessions": DEPUTY,
    "reception:my_session_new": DEPUTY,
    "reception:my_session_detail": OWNER,
    "reception:my_session_edit": OWNER,
    "reception:my_session_delete": OWNER,
    # suggestions
    "suggestions:suggest": PUBLIC,
    "suggestions:suggest_done": PUBLIC,
    "suggestions:privacy": PUBLIC,
    "suggestions:track": PUBLIC,
    "suggestions:track_result": PUBLIC,
    "suggestions:track_rate": PUBLIC,
    "suggestions:my_suggestions": DEPUTY,
    "suggestions:my_suggestion": OWNER,
    "suggestions:from_session_issue": OWNER,
    "suggestions:photo": OWNER_OR_STAFF,
    # publicity
    "publicity:news_list": PUBLIC,
    "publicity:news_feed": PUBLIC,
    "publicity:profile_list": PUBLIC,
    "publicity:news_detail": PUBLIC,
    # work plan
    "workplan:my_plan": DEPUTY,
    # register exports: committee staff, each their own (superusers all)
    "exports:download": STAFF,
    "exports:progress": STAFF,
    # open data and the public API
    "opendata:page": PUBLIC,
    "opendata:download": PUBLIC,
    "api:schema": PUBLIC,
    "api:docs": PUBLIC,
    "api:stations": PUBLIC,
    "api:station": PUBLIC,
    "api:deputies": PUBLIC,
    "api:deputy": PUBLIC,
    "api:news": PUBLIC,
    "api:article": PUBLIC,
    "api:track": PUBLIC,
    # Channels (WeChat) submit with an API token, which no persona holds.
    "api:wechat_submit": NOBODY,
    # the admin site itself
    "admin:index": STAFF,
    "admin:login": PUBLIC,
    "admin:logout": PUBLIC,
    "admin:jsi18n": STAFF,
    "admin:view_on_site": STAFF,
    "admin:app_list": STAFF,
    "admin:password_change": STAFF,
    "admin:password_change_done": STAFF,
    "admin:autocomplete": STAFF,
    "admin:auth_user_password_change": SUPERUSER,
    # extra admin pages of the apps
    "admin:deputies_deputy_import": STAFF,
    "admin:deputies_deputy_import_template": STAFF,
    "admin:deputies_deputy_export": STAFF,
    "admin:deputies_deputy_archive": STAFF,
    "admin:deputies_deputy_archive_export": STAFF,
    "admin:reception_receptionsession_statistics": STAFF,
    "admin:suggestions_suggestion_act": STAFF,
    "admin:suggestions_suggestion_simple_history": STAFF,
    # Staff may open the page, but revealing a resident's contact details (POST)
    # needs a permission staff are given one by one, never through the group.
    "admin:suggestions_suggestion_reveal": {"GET": STAFF, "POST": SUPERUSER},
    "admin:publicity_submission_yearly": STAFF,
    "admin:publicity_submission_yearly_export": STAFF,
    "admin:ziyang_portal_workreport_document": STAFF,
    "admin:ziyang_portal_workreport_compare": STAFF,
    "admin:ziyang_portal_workreport_finalise": STAFF,
    "admin:ziyang_portal_workreport_refresh": STAFF,
    "admin:ziyang_portal_workreport_export": STAFF,
    "admin:ziyang_portal_workreport_export_status": STAFF,
    "admin:ziyang_portal_workreport_export_progress": STAFF,
    "admin:ziyang_portal_workreport_export_download": STAFF,
    "admin:otp_totp_totpdevice_config": SUPERUSER,
    "admin:otp_totp_totpdevice_qrcode": SUPERUSER,
}


def model_rule(default, **overrides):
    rule = dict.fromkeys(("view", "add", "change", "delete"), default)
    rule.update(overrides)
    return rule


STAFF_MODEL = model_rule(STAFF)
READ_ONLY_FOR_STAFF = model_rule(NOBODY, view=STAFF)

# Every model in the admin: who may view, add, change, delete (and export, where
# the model admin has an export action). Staff keep the four apps' records
# unless the admin says otherwise; deputies and residents never reach the admin.
ADMIN_MODEL_RULES = {
    "auth.user": model_rule(SUPERUSER),
    "auth.group": model_rule(SUPERUSER),
    # Staff see login attempts and unlock accounts; the logs are theirs to read.
    "axes.accessattempt": model_rule(STAFF, add=NOBODY, change=SUPERUSER),
    "axes.accesslog": model_rule(SUPERUSER, view=STAFF, add=NOBODY),
    "axes.accessfailurelog": model_rule(SUPERUSER, add=NOBODY),
    "otp_totp.totpdevice": model_rule(SUPERUSER),
    "security.auditevent": model_rule(NOBODY, view=SUPERUSER),
    "admin.logentry": model_rule(NOBODY, view=SUPERUSER),
    "deputies.community": STAFF_MODEL,
    "deputies.constituency": STAFF_MODEL,
    "deputies.deputy": model_rule(STAFF, export=STAFF),
    "deputies.dutyactivity": STAFF_MODEL,
    "deputies.dutyreport": STAFF_MODEL,
    "deputies.byelection": STAFF_MODEL,
    "reception.standarditem": STAFF_MODEL,
    "reception.station": STAFF_MODEL,
    "reception.delegationvisit": STAFF_MODEL,
    "reception.receptionsession": model_rule(STAFF, export=STAFF),
    # The register of suggestions is kept whole: nobody deletes one.
    "suggestions.suggestion": model_rule(STAFF, delete=NOBODY, export=STAFF),
    "suggestions.category": STAFF_MODEL,
    "suggestions.handlingunit": STAFF_MODEL,
    "suggestions.escalation": READ_ONLY_FOR_STAFF,
    "suggestions.rating": READ_ONLY_FOR_STAFF,
    "suggestions.notification": READ_ONLY_FOR_STAFF,
    "suggestions.personaldatareveal": READ_ONLY_FOR_STAFF,
    "publicity.outlet": STAFF_MODEL,
    "publicity.article": STAFF_MODEL,
    "publicity.submission": STAFF_MODEL,
    "ziyang_portal.workreport": STAFF_MODEL,
    "ziyang_portal.reportexport": model_rule(STAFF, add=NOBODY, change=NOBODY),
    "workplan.priorityline": STAFF_MODEL,
    "workplan.planheading": STAFF_MODEL,
    "workplan.keywork": STAFF_MODEL,
    "workplan.workplan": STAFF_MODEL,
    "workplan.planitem": STAFF_MODEL,
    # Register exports are made, never edited; each belongs to its maker.
    "exports.export": model_rule(STAFF, change=NOBODY),
    "api.apitoken": STAFF_MODEL,
}

# -- walking the URL configuration -----------------------------------------------

# Names Django's admin gives every registered model; ADMIN_MODEL_RULES covers them.
MODEL_ADMIN_SUFFIXES = ("changelist", "add", "change", "delete", "history")


def walk(patterns=None, namespace=None):
    """(full name, pattern) of every named URL, through every include."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, entry


def model_admin_url_names():
    names = set()
    for model in admin.site._registry:
        base = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        names.update(f"{base}_{suffix}" for suffix in MODEL_ADMIN_SUFFIXES)
    return names


def portal_urls():
    covered = model_admin_url_names()
    seen = {}
    for name, pattern in walk():
        if name not in covered:
            seen.setdefault(name, pattern)
    return seen


def admin_labels():
    return {model._meta.label_lower for model in admin.site._registry}


def test_every_url_has_an_access_rule():
    missing = sorted(set(portal_urls()) - set(URL_RULES))
    assert not missing, (
        "URLs without an access rule (add them to URL_RULES in "
        f"tests/security/test_access_matrix.py): {missing}"
    )


def test_every_admin_model_has_an_access_rule():
    missing = sorted(admin_labels() - set(ADMIN_MODEL_RULES))
    assert not missing, (
        "admin models without an access rule (add them to ADMIN_MODEL_RULES in "
        f"tests/security/test_access_matrix.py): {missing}"
    )


def test_the_rule_tables_name_nothing_that_does_not_exist():
    stale = sorted(set(URL_RULES) - set(portal_urls()))
    stale += sorted(set(ADMIN_MODEL_RULES) - admin_labels())
    assert not stale, f"rules for URLs or admin models that no longer exist: {stale}"


# -- sample data -----------------------------------------------------------------


class World:
    """The demo year, the personas' logins and one object of each kind."""

    def __init__(self):
        call_command("load_demo")
        from deputies.models import Deputy
        from ziyang_portal.access import deputy_for

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
            from ziyang_portal.exports.models import Export

            self.samples["export"] = Export.objects.create(
                user=self.users["staff"], register=Export.Register.values[0], year=2018
            )
        return self.samples["export"]

    def report(self):
        if "report" not in self.samples:
            from ziyang_portal.report.models import ReportExport, WorkReport
            from ziyang_portal.report.services import report_generate

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
    "suggestions:my_suggestion": lambda w: {"pk": w.own_suggestion().pk},
    "suggestions:photo": lambda w: {"pk": w.own_photo().pk},
    "suggestions:from_session_issue": lambda w: (
        lambda issue: {"session_id": issue.session_id, "issue_uid": issue.uid}
    )(w.own_issue()),
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
    "admin:otp_totp_totpdevice_config": _totp_device,
    "admin:otp_totp_totpdevice_qrcode": _totp_device,
}
for _name in URL_RULES:
    if _name.startswith("admin:ziyang_portal_workreport_"):
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


# -- judging a response ----------------------------------------------------------

LOGIN_PATHS = ("/accounts/login/", "/admin/login/")


def outcome(response, rule) -> str:
    """'allowed', 'denied' or 'error' for one response under one rule."""
    status = response.status_code
    if status >= 500:
        return "error"
    if status in (301, 302) and response["Location"].split("?")[0].endswith(
        LOGIN_PATHS
    ):
        return "denied"
    if status in (401, 403):
        return "denied"
    # Another deputy's object is answered 404: its existence is not confirmed.
    if status == 404 and rule in (OWNER, OWNER_OR_STAFF):
        return "denied"
    return "allowed"


@pytest.fixture
def world(db, settings):
    settings.STAFF_REQUIRE_2FA = False
    return World()


@pytest.mark.django_db
def test_every_url_answers_each_role_as_its_rule_says(world):
    problems = []
    for name, pattern in sorted(portal_urls().items()):
        rule = URL_RULES.get(name)
        if rule is None:
            continue  # reported by test_every_url_has_an_access_rule
        try:
            url = reverse_sample(world, name, pattern)
        except Exception as exc:  # noqa: BLE001 - reported with the URL's name
            problems.append(f"{name}: no sample arguments ({exc!r})")
            continue
        methods = rule if isinstance(rule, dict) else {"GET": rule}
        for method, method_rule in methods.items():
            for persona in PERSONAS:
                client = world.client(persona)
                response = getattr(client, method.lower())(url)
                seen = outcome(response, method_rule)
                expected = "allowed" if persona in ALLOWED[method_rule] else "denied"
                if seen != expected:
                    problems.append(
                        f"{method} {name} ({url}) as {persona}: {seen} with "
                        f"{response.status_code}, rule {method_rule!r} says {expected}"
                    )
    assert not problems, "access matrix broken:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_every_admin_model_answers_each_role_as_its_rule_says(world):
    problems = []
    world.staff_export()  # exports can be deleted only by whoever made them
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        rules = ADMIN_MODEL_RULES.get(label)
        if rules is None:
            continue  # reported by test_every_admin_model_has_an_access_rule
        info = (model._meta.app_label, model._meta.model_name)
        obj = model._default_manager.order_by("pk").first()
        urls = {
            "view": reverse("admin:{}_{}_changelist".format(*info)),
            "add": reverse("admin:{}_{}_add".format(*info)),
        }
        if obj is not None:
            urls["change"] = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            urls["delete"] = reverse("admin:{}_{}_delete".format(*info), args=[obj.pk])
        for persona in PERSONAS:
            client = world.client(persona)
            request = world.request(persona)
            for action in ("view", "add", "change", "delete", "export"):
                if action not in rules:
                    continue
                expected = persona in ALLOWED[rules[action]]
                if persona in ("anonymous", "resident", "deputy", "other_deputy"):
                    # Outside the admin altogether: every page sends them to log in.
                    if action in urls:
                        response = client.get(urls[action])
                        if outcome(response, rules[action]) != "denied":
                            problems.append(
                                f"{label} {action} as {persona}: "
                                f"{response.status_code}, expected the admin login"
                            )
                    continue
                if action == "export":
                    granted = any(
                        "export" in name for name in model_admin.get_actions(request)
                    )
                elif action in ("view", "add"):
                    response = client.get(urls[action])
                    seen = outcome(response, rules[action])
                    if seen == "error":
                        problems.append(f"{label} {action} as {persona}: 500")
                        continue
                    granted = seen == "allowed"
                else:
                    check = getattr(model_admin, f"has_{action}_permission")
                    granted = check(request, obj)
                if granted != expected:
                    problems.append(
                        f"{label} {action} as {persona}: "
                        f"{'allowed' if granted else 'denied'}, rule "
                        f"{rules[action]!r} says {'allowed' if expected else 'denied'}"
                    )
    assert not problems, "admin access matrix broken:\n" + "\n".join(problems)


def test_the_matrix_judges_refusals_and_admissions_apart():
    """The judge itself: a 200 where a refusal is due is reported, and back."""

    class Answer(dict):
        def __init__(self, status, location=None):
            super().__init__()
            self.status_code = status
            if location:
                self["Location"] = location

    assert outcome(Answer(200), STAFF) == "allowed"
    assert outcome(Answer(302, "/admin/login/?next=/admin/"), STAFF) == "denied"
    assert outcome(Answer(302, "/accounts/login/?next=/my/"), DEPUTY) == "denied"
    assert outcome(Answer(302, "/my/"), PUBLIC) == "allowed"
    assert outcome(Answer(403), DEPUTY) == "denied"
    assert outcome(Answer(404), OWNER) == "denied"
    assert outcome(Answer(500), PUBLIC) == "error"
