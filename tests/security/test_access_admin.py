"""Every model of the admin, opened as every persona, against its access rule."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.security.access_judge import outcome
from tests.security.access_rules import ADMIN_MODEL_RULES, ALLOWED, PERSONAS


@pytest.mark.django_db
def test_every_admin_model_answers_each_role_as_its_rule_says(world):
    problems = []
    world.staff_export()  # exports can be deleted only by whoever made them
    # Records only schedules and uploads make: without one, no change or delete
    # of them would be tried.
    world.staff_ledger_import()
    world.roster_reminder()
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        rules = ADMIN_MODEL_RULES.get(label)
        if rules is None:
            continue  # reported by test_every_admin_model_has_an_access_rule
        info = (model._meta.app_label, model._meta.model_name)
        obj = model._default_manager.order_by("pk").first()
        urls = {
            "view": reverse("admin:{}_{}_changelist".format(*info)),
            "add": reverse("admin:{}_{}_add".format(*info)),
        }
        if obj is not None:
            urls["change"] = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            urls["delete"] = reverse("admin:{}_{}_delete".format(*info), args=[obj.pk])
        for persona in PERSONAS:
            client = world.client(persona)
            request = world.request(persona)
            for action in ("view", "add", "change", "delete", "export"):
                if action not in rules:
                    continue
                expected = persona in ALLOWED[rules[action]]
                if persona in ("anonymous", "resident", "deputy", "other_deputy"):
                    # Outside the admin altogether: every page sends them to log in.
                    if action in urls:
                        response = client.get(urls[action])
                        if outcome(response, rules[action]) != "denied":
                            problems.append(
                                f"{label} {action} as {persona}: "
                                f"{response.status_code}, expected the admin login"
                            )
                    continue
                if action == "export":
                    granted = any(
                        "export" in name for name in model_admin.get_actions(request)
                    )
                elif action in ("view", "add"):
                    response = client.get(urls[action])
                    seen = outcome(response, rules[action])
                    if seen == "error":
                        problems.append(f"{label} {action} as {persona}: 500")
                        continue
                    granted = seen == "allowed"
                else:
                    check = getattr(model_admin, f"has_{action}_permission")
                    granted = check(request, obj)
                if granted != expected:
                    problems.append(
                        f"{label} {action} as {persona}: "
                        f"{'allowed' if granted else 'denied'}, rule "
                        f"{rules[action]!r} says {'allowed' if expected else 'denied'}"
                    )
    assert not problems, "admin access matrix broken:\n" + "\n".join(problems)
