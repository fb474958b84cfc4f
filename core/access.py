"""Who is who: one helper per role, used by every view and template."""

from .roles import DEPUTY_GROUP, STAFF_GROUP


def is_committee_staff(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists())
    )


def is_deputy(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=DEPUTY_GROUP).exists()
    )
