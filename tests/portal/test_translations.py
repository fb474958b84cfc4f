"""Every user-facing string is translatable and the Chinese catalogues are complete."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "var", ".git", "node_modules", "tests", "bench"}


def catalogue_roots() -> list[Path]:
    """Folders that keep their own catalogue: the project root and each app."""
    pattern = "locale/zh_Hans/LC_MESSAGES/django.po"
    found = list(ROOT.glob(pattern))
    for top in ROOT.iterdir():
        if top.is_dir() and top.name not in SKIP_DIRS and top.name != "locale":
            found += top.rglob(pattern)
    return sorted(po.parents[3] for po in found)


# Each app (or package with an apps.py) owns the catalogue beside it; the
# project's catalogue under locale/ holds the rest.
APPS = [str(r.relative_to(ROOT)) for r in catalogue_roots() if r != ROOT]
CATALOGUES = [root / "locale" for root in catalogue_roots()]


def po_path(locale_dir: Path) -> Path:
    return locale_dir / "zh_Hans" / "LC_MESSAGES" / "django.po"


def existing_catalogues():
    return [c for c in CATALOGUES if po_path(c).exists()]


@pytest.mark.parametrize("locale_dir", existing_catalogues(), ids=str)
def test_chinese_catalogue_has_no_untranslated_or_fuzzy_entry(locale_dir):
    po = polib.pofile(str(po_path(locale_dir)))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("locale_dir", existing_catalogues(), ids=str)
def test_compiled_catalogue_matches_its_source(locale_dir):
    po = polib.pofile(str(po_path(locale_dir)))
    mo = polib.mofile(str(po_path(locale_dir).with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"not compiled: {entry.msgid!r}"
        msgstr, plural = compiled[key]
        if entry.msgid_plural:
            assert {int(k): v for k, v in plural.items()} == {
                int(k): v for k, v in entry.msgstr_plural.items()
            }
        else:
            assert msgstr == entry.msgstr, f"stale .mo for {entry.msgid!r}"


def test_every_marked_string_is_in_a_catalogue(tmp_path):
    """makemessages on a copy of the sources finds no msgid the catalogues lack."""
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "*.mo"),
    )
    # "app/?*": makemessages reads "app/*" as any folder named app, anywhere.
    ignores = [f"--ignore={app}/?*" for app in APPS] + [
        "--ignore=.venv/*",
        "--ignore=var/*",
        "--ignore=tests/*",
        "--ignore=bench/*",
    ]
    manage = [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans"]
    subprocess.run(manage + ignores, cwd=copy, check=True, capture_output=True)
    for app in APPS:
        if (copy / app / "locale").exists():
            subprocess.run(
                [sys.executable, str(copy / "scripts" / "app_messages.py"), app],
                cwd=copy,
                check=True,
                capture_output=True,
            )
    missing = {}
    for locale_dir in CATALOGUES:
        relative = locale_dir.relative_to(ROOT)
        fresh_path = po_path(copy / relative)
        if not fresh_path.exists():
            continue
        committed_path = po_path(locale_dir)
        committed = (
            {e.msgid for e in polib.pofile(str(committed_path))}
            if committed_path.exists()
            else set()
        )
        new = {e.msgid for e in polib.pofile(str(fresh_path))} - committed
        if new:
            missing[str(relative)] = sorted(new)[:10]
    assert not missing, f"strings missing from the catalogues: {missing}"
