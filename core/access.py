"""Who is who: one helper per role, used by every view and template."""

from .roles import DEPUTY_GROUP, STAFF_GROUP

GROUP_NAMES_ATTR = "_ziyang_group_names"


def group_names(user) -> frozenset[str]:
    """The names of the user's groups, read once per request.

    Views, the context processor and templates all ask who the user is; the
    answer is kept on the user object, which lives for one request (the
    authentication middleware loads it afresh each time).
    """
    names = getattr(user, GROUP_NAMES_ATTR, None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, GROUP_NAMES_ATTR, names)
    return names


def forget_groups(user) -> None:
    """After changing a user's groups within the same request or test."""
    if hasattr(user, GROUP_NAMES_ATTR):
        delattr(user, GROUP_NAMES_ATTR)


def _groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        forget_groups(instance)


def connect_signals() -> None:
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed

    through = get_user_model().groups.through
    m2m_changed.connect(_groups_changed, sender=through, dispatch_uid="ziyang-groups")


def is_committee_staff(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or STAFF_GROUP in group_names(user))
    )


def is_deputy(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and DEPUTY_GROUP in group_names(user)
    )
