"""Nothing the portal serves loads from, or points to, an external host."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
# XML namespace names identify vocabularies; nothing is fetched from them.
NAMESPACES = {
    "//www.w3.org",
    "//www.sitemaps.org",
    "//purl.org",
    "//schemas.openxmlformats.org",
}


def served_files():
    for pattern in (
        "templates/**/*.html",
        "*/templates/**/*.html",
        "*/templates/**/*.xml",
        "*/static/**/*.css",
        "*/static/**/*.js",
        "static/css/*.css",
        "static/js/*.js",
    ):
        for path in ROOT.glob(pattern):
            if ".venv" not in path.parts:
                yield path


def external_urls(text: str) -> list[str]:
    found = []
    for match in URL.finditer(text):
        host = match.group(0).split(":", 1)[-1]
        if not any(host.lower().startswith(ns) for ns in NAMESPACES):
            found.append(match.group(0))
    return found


def test_templates_and_own_assets_name_no_external_host():
    offenders = {
        str(path.relative_to(ROOT)): urls
        for path in served_files()
        if (urls := external_urls(path.read_text(encoding="utf-8")))
    }
    assert not offenders


def test_the_check_itself_catches_a_cdn_link():
    html = (
        '<link href="https://cdn.example.com/x.css">'
        '<script src="//cdn.example.org/y.js">'
    )
    assert len(external_urls(html)) == 2
    assert external_urls('<svg xmlns="http://www.w3.org/2000/svg">') == []
