"""`manage.py ledger_samples [--output DIR]`: write the sample ledgers again."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ledgers.demo import SAMPLES_DIR, write_samples


class Command(BaseCommand):
    help = "Write the sample ledgers (the first half of 2019) as Excel files."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=SAMPLES_DIR)

    def handle(self, *args, output, **options):
        for path in write_samples(output):
            self.stdout.write(str(path))
