"""The four ledgers a committee keeps in Excel, each mapped onto its records.

Each module offers one `Ledger` subclass; `LEDGERS` names them by the kind
used in the admin's addresses and by `manage.py import_ledger`.
"""

from django.utils.module_loading import import_string

KIND_CLASSES = {
    "sessions": "ledgers.kinds.sessions.SessionLedger",
    "activities": "ledgers.kinds.activities.ActivityLedger",
    "suggestions": "ledgers.kinds.items.SuggestionLedger",
    "articles": "ledgers.kinds.articles.ArticleLedger",
}


def ledger(kind: str):
    """The ledger of that kind (KeyError for an unknown kind)."""
    return import_string(KIND_CLASSES[kind])()


def kinds() -> list[str]:
    return list(KIND_CLASSES)
