"""The API's interactive documentation is served by the portal, no CDN."""

import re

from django.contrib.staticfiles import finders

DOCS = "/api/docs/"


def test_the_documentation_page_loads_only_the_portals_files(client, db):
    response = client.get(DOCS)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Ziyang portal API</title>" in html
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert addresses, "the page names its script and style sheet"
    for address in addresses:
        assert address.startswith("/"), address
        if address.startswith("/static/"):
            assert finders.find(address.removeprefix("/static/")), address
    # The strict Content-Security-Policy allows no inline script or style.
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_the_init_script_points_at_the_schema(client, db):
    response = client.get(DOCS, {"script": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in response.content.decode()


def test_the_documentation_only_answers_get(client, db):
    assert client.post(DOCS).status_code == 405
