"""Every URL of the portal, requested as every persona, against its access rule."""

import pytest

from tests.security.access_judge import outcome, portal_urls
from tests.security.access_rules import ALLOWED, PERSONAS, URL_RULES
from tests.security.access_world import reverse_sample


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
