"""The 2018 demo year, loaded by `manage.py load_demo`.

Each app provides `<app>/demo.py` with `load(out)`; every loader is idempotent
(get_or_create on natural keys), so the command can run again at any time. The
demo deputies and residents are invented ("示例" names), never real people.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.module_loading import import_string

from .roles import DEPUTY_GROUP, STAFF_GROUP, sync_roles

DEMO_YEAR = 2018

# In dependency order: each app may use what the ones before it created.
LOADERS = [
    "core.demo.load_accounts",
    "deputies.demo.load",
    "reception.demo.load",
    "rosters.demo.load",
    "suggestions.demo.load",
    "suggestions.quick.load_demo",
    "publicity.demo.load",
    "workplan.demo.load",
    # Last: the 2018 report's draft takes the figures of every app above.
    "report.demo.load",
    # The sample ledgers of 2019 (docs/import/), imported like a committee's own.
    "ledgers.demo.load",
]

# Published in the README; load_demo refuses to run in production.
DEMO_LOGINS = [
    # (username, password, role, full name)
    ("admin", "ziyang-admin-2018", "superuser", "系统管理员"),
    ("staff", "ziyang-staff-2018", STAFF_GROUP, "工委示例工作人员"),
    ("deputy", "ziyang-deputy-2018", DEPUTY_GROUP, "张某华"),
    ("deputy2", "ziyang-deputy-2018", DEPUTY_GROUP, "李某明"),
]


def demo_user(username: str):
    return get_user_model().objects.get(username=username)


def load_accounts(out) -> None:
    sync_roles()
    User = get_user_model()
    for username, password, role, full_name in DEMO_LOGINS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": full_name[1:], "last_name": full_name[:1]},
        )
        if created:
            user.set_password(password)
        user.is_superuser = role == "superuser"
        user.is_staff = role in ("superuser", STAFF_GROUP)
        user.save()
        if role != "superuser":
            user.groups.add(Group.objects.get(name=role))


def load_all(out) -> None:
    for path in LOADERS:
        import_string(path)(out)
