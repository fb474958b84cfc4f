"""The API documentation renders in Chromium under the portal's strict CSP."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_shows_the_operations_without_a_csp_violation(desktop_page):
    page = desktop_page
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("requestfailed", lambda request: problems.append(request.url))
    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text(
        "Ziyang portal API"
    )
    expect(page.get_by_text("/api/stations/", exact=True).first).to_be_visible()
    assert not problems, problems
