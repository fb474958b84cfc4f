"""The columns of the suggestion ledger, and what the notes sheet says of it."""

from django.utils.translation import gettext_lazy, pgettext_lazy

from ..sheets import Column


def _column(key, header, required=False, note=""):
    return Column(key, header, required, note)


COLUMNS = [
    _column(
        "received",
        pgettext_lazy("ledger column", "Date received"),
        True,
        gettext_lazy("As 2019-03-05."),
    ),
    _column(
        "kind",
        pgettext_lazy("ledger column", "Kind"),
        False,
        gettext_lazy("See below; a resident opinion when empty."),
    ),
    _column(
        "source",
        pgettext_lazy("ledger column", "Source"),
        True,
        gettext_lazy("See below."),
    ),
    _column(
        "community",
        pgettext_lazy("ledger column", "Community"),
        False,
        gettext_lazy("Its name as in the portal."),
    ),
    _column(
        "category",
        pgettext_lazy("ledger column", "Category"),
        False,
        gettext_lazy("See below."),
    ),
    _column("title", pgettext_lazy("ledger column", "Title"), True),
    _column("text", pgettext_lazy("ledger column", "Text"), True),
    _column(
        "unit",
        pgettext_lazy("ledger column", "Handling unit"),
        False,
        gettext_lazy("See below; required once accepted."),
    ),
    _column(
        "following",
        pgettext_lazy("ledger column", "Following deputy"),
        False,
        gettext_lazy("A name as in the register."),
    ),
    _column(
        "status",
        pgettext_lazy("ledger column", "Status"),
        True,
        gettext_lazy("See below."),
    ),
    _column(
        "reply_date",
        pgettext_lazy("ledger column", "Reply date"),
        False,
        gettext_lazy("Required once answered or not accepted."),
    ),
    _column(
        "responder",
        pgettext_lazy("ledger column", "Answered by"),
        False,
        gettext_lazy("The handling unit when empty."),
    ),
    _column(
        "channel",
        pgettext_lazy("ledger column", "Reply channel"),
        False,
        gettext_lazy("See below; a written reply when empty."),
    ),
    _column(
        "reply",
        pgettext_lazy("ledger column", "Reply text"),
        False,
        gettext_lazy("Required once answered; the reason when not accepted."),
    ),
    _column(
        "outcome",
        pgettext_lazy("ledger column", "Outcome class"),
        False,
        gettext_lazy("A, B, C or D."),
    ),
    _column(
        "closed",
        pgettext_lazy("ledger column", "Date closed"),
        False,
        gettext_lazy("Closed items; the reply date when empty."),
    ),
    _column(
        "rating",
        pgettext_lazy("ledger column", "Rating"),
        False,
        gettext_lazy(
            "满意, 基本满意 or 不满意 (which reopens the item: "
            "its status is then 已重新办理)."
        ),
    ),
    _column(
        "comment",
        pgettext_lazy("ledger column", "Rating comment"),
        False,
        gettext_lazy("Required for 不满意."),
    ),
    _column(
        "name",
        pgettext_lazy("ledger column", "Resident's name"),
        False,
        gettext_lazy("Personal data, optional."),
    ),
    _column(
        "phone",
        pgettext_lazy("ledger column", "Resident's phone"),
        False,
        gettext_lazy("Personal data, optional."),
    ),
    _column(
        "address",
        pgettext_lazy("ledger column", "Resident's address"),
        False,
        gettext_lazy("Personal data, optional."),
    ),
    _column(
        "consent",
        pgettext_lazy("ledger column", "Consent to the privacy notice"),
        False,
        gettext_lazy("是 when the resident agreed; required with any personal data."),
    ),
]
FIELD_COLUMNS = {
    "received_at": "received",
    "kind": "kind",
    "source": "source",
    "community": "community",
    "category": "category",
    "title": "title",
    "text": "text",
    "handling_unit": "unit",
    "following_deputy": "following",
    "outcome": "outcome",
    "submitter_name": "name",
    "submitter_phone": "phone",
    "submitter_address": "address",
    "responder": "responder",
    "channel": "channel",
    "answered_on": "reply_date",
    "comment": "comment",
}
NOTES = [
    gettext_lazy("One item a row; the first row holds the column names."),
    gettext_lazy(
        "Residents' names, phones and addresses are personal data: "
        "fill them in only with the resident's consent; importing "
        "them needs the permission to see them."
    ),
    gettext_lazy(
        "An item already on record with the same date received, "
        "title and text is skipped, so the same sheet can be imported "
        "again."
    ),
    gettext_lazy(
        "If any row is wrong, the whole sheet is refused and nothing is saved."
    ),
]
