"""makemessages for one app's catalogue: `python scripts/app_messages.py APP [ARGS]`.

Django finds an app's catalogue when makemessages runs inside the app's folder.
Django is set up from the project root first, so that the folder's own modules
(an app's archive.py or exports.py) never stand in for the portal's apps of the
same name: Celery's Django fix-up puts the current folder first on sys.path.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(app: str, *args: str) -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
    import django
    from django.core.management import call_command

    django.setup()
    os.chdir(ROOT / app)
    call_command("makemessages", "-l", "zh_Hans", *args)


if __name__ == "__main__":
    main(*sys.argv[1:])
