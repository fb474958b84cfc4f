"""A change of the roster is shown on the station and deputy pages, whose
cached copies are kept under the reception and deputies apps' version tokens."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from core import pagecache


def _roster_changed(sender, **kwargs):
    if sender._meta.app_label == "rosters":
        pagecache.bump("reception")
        pagecache.bump("deputies")


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_roster_changed, dispatch_uid=f"rosters-{id(signal)}")
