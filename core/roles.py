"""The two roles of the portal and the permissions each holds.

Groups are kept in step with this module after every `migrate` (see apps.py) and
by `manage.py sync_roles`; editing a group by hand in the admin is undone then.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

STAFF_GROUP = "工委工作人员"
DEPUTY_GROUP = "人大代表"

# Apps whose records committee staff keep in the admin.
STAFF_APPS = [
    "deputies",
    "reception",
    "rosters",
    "suggestions",
    "publicity",
    "workplan",
    "report",
]

# Permissions that expose residents' personal data or act for the superuser.
# Staff are given them one by one in the admin, never through the group.
SENSITIVE_CODENAMES = {
    "view_personal_data",
    "reveal_personal_data",
    "export_personal_data",
}

# Beyond their apps, staff see login attempts and unlock locked accounts.
STAFF_EXTRA_CODENAMES = {"view_accessattempt", "delete_accessattempt", "view_accesslog"}
# ... and read the audit trail (who created, changed, deleted what, and when).
STAFF_AUDIT_CODENAMES = {"view_auditevent"}

# What a deputy may do, beyond their own workspace which is checked per object.
DEPUTY_CODENAMES: set[str] = set()


def staff_permissions(using="default"):
    return (
        Permission.objects.using(using)
        .filter(
            Q(content_type__app_label__in=STAFF_APPS)
            | Q(content_type__app_label="axes", codename__in=STAFF_EXTRA_CODENAMES)
            | Q(content_type__app_label="security", codename__in=STAFF_AUDIT_CODENAMES)
        )
        .exclude(codename__in=SENSITIVE_CODENAMES)
    )


def deputy_permissions(using="default"):
    if not DEPUTY_CODENAMES:
        return Permission.objects.none()
    return Permission.objects.using(using).filter(Q(codename__in=DEPUTY_CODENAMES))


def sync_roles(using="default") -> dict[str, int]:
    """Create both groups if missing and set their permissions; idempotent."""
    counts = {}
    for name, perms in (
        (STAFF_GROUP, staff_permissions(using)),
        (DEPUTY_GROUP, deputy_permissions(using)),
    ):
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(perms)
        counts[name] = group.permissions.count()
    return counts
