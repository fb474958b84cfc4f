"""The access matrix: every URL and every admin model against every role.

The rules are declared ONCE, in the tables of access_rules.py. The URL
configuration and the admin registry are walked at run time, so a new page or
admin model without a rule fails `test_every_url_has_an_access_rule` /
`test_every_admin_model_has_an_access_rule` with its name; a rule the code does
not keep fails the matrix with the persona, the URL and the status seen.

The sample objects and URL arguments are in access_world.py; the matrices
themselves are test_access_urls.py and test_access_admin.py.
"""

from tests.security.access_judge import admin_labels, outcome, portal_urls
from tests.security.access_rules import (
    ADMIN_MODEL_RULES,
    DEPUTY,
    OWNER,
    PUBLIC,
    STAFF,
    URL_RULES,
)


def test_every_url_has_an_access_rule():
    missing = sorted(set(portal_urls()) - set(URL_RULES))
    assert not missing, (
        "URLs without an access rule (add them to URL_RULES in "
        f"tests/security/access_rules.py): {missing}"
    )


def test_every_admin_model_has_an_access_rule():
    missing = sorted(admin_labels() - set(ADMIN_MODEL_RULES))
    assert not missing, (
        "admin models without an access rule (add them to ADMIN_MODEL_RULES in "
        f"tests/security/access_rules.py): {missing}"
    )


def test_the_rule_tables_name_nothing_that_does_not_exist():
    stale = sorted(set(URL_RULES) - set(portal_urls()))
    stale += sorted(set(ADMIN_MODEL_RULES) - admin_labels())
    assert not stale, f"rules for URLs or admin models that no longer exist: {stale}"


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
