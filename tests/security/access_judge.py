"""Walking the URL configuration and the admin registry, and judging responses."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security.access_rules import OWNER, OWNER_OR_STAFF

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
