"""The words of the portal's scripts: marked with gettext, in a djangojs
catalogue, complete in Chinese, served at /i18n/js/ as a script file of its own
(the Content-Security-Policy allows no inline script)."""

import json
import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "var", ".git", "node_modules", "tests", "bench", "vendor"}
CATALOGUE_URL = reverse("javascript-catalog")
CALL = re.compile(
    r"""\b(?:gettext|gettext_noop)\(\s*(["'])((?:\\.|(?!\1).)*)\1\s*[,)]"""
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def portal_scripts() -> list[Path]:
    """The portal's own scripts: static/ and each app's static folder."""
    found = []
    for top in ROOT.iterdir():
        if top.is_dir() and top.name not in SKIP_DIRS:
            found += [
                js
                for js in top.rglob("*.js")
                if "static" in js.relative_to(ROOT).parts
                and not SKIP_DIRS & set(js.relative_to(ROOT).parts)
            ]
    return sorted(found)


def marked_strings() -> dict[str, str]:
    """Each string a script passes to gettext, with the script it is in."""
    strings = {}
    for js in portal_scripts():
        for _quote, text in CALL.findall(js.read_text(encoding="utf-8")):
            strings[json.loads(f'"{text}"')] = str(js.relative_to(ROOT))
    return strings


def js_catalogues() -> list[Path]:
    return sorted(
        po
        for po in ROOT.glob("**/locale/zh_Hans/LC_MESSAGES/djangojs.po")
        if not SKIP_DIRS & set(po.relative_to(ROOT).parts)
    )


def served_catalogue(client, language: str) -> dict:
    client.cookies["django_language"] = language
    response = client.get(CATALOGUE_URL)
    assert response.status_code == 200
    assert "javascript" in response["Content-Type"]
    text = response.content.decode()
    # The view writes no catalogue at all when a language has no translation.
    body = re.search(r"const newcatalog = (\{.*?\});\n", text, re.DOTALL)
    return json.loads(body.group(1)) if body else {}


def test_the_portals_scripts_mark_their_words():
    strings = marked_strings()
    assert "Sending…" in strings
    assert strings["Sending…"] == "suggestions/static/suggestions/quick.js"


def test_every_marked_word_is_served_in_chinese(client):
    catalog = served_catalogue(client, "zh-hans")
    missing = {
        msgid: where
        for msgid, where in marked_strings().items()
        if not CJK.search(str(catalog.get(msgid, "")))
    }
    assert not missing, f"not in Chinese: {missing}"
    assert catalog["Sending…"] == "正在提交…"


def test_in_english_the_scripts_keep_their_own_words(client):
    catalog = served_catalogue(client, "en")
    for msgid in marked_strings():
        assert not CJK.search(str(catalog.get(msgid, msgid)))


@pytest.mark.parametrize("po_path", js_catalogues(), ids=str)
def test_each_js_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    assert po.translated_entries(), "an empty catalogue"
    assert not po.untranslated_entries()
    assert not po.fuzzy_entries()
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(po_path.with_suffix(".mo")))}
    for entry in po.translated_entries():
        assert mo.get(entry.msgid) == entry.msgstr, f"stale .mo: {entry.msgid!r}"


def test_the_marked_words_are_all_in_a_catalogue():
    known = {e.msgid for po in js_catalogues() for e in polib.pofile(str(po))}
    assert set(marked_strings()) <= known


def test_a_page_loads_the_catalogue_as_a_script_file_under_the_csp(
    deputy_client, zhang
):
    response = deputy_client.get(reverse("suggestions:quick_item"))
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert scripts and all(
        "src=" in attrs and not body.strip() for attrs, body in scripts
    )
    sources = [re.search(r'src="([^"]+)"', attrs).group(1) for attrs, _ in scripts]
    assert sources.index(CATALOGUE_URL) < sources.index("/static/suggestions/quick.js")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src.split() == ["'self'"]
