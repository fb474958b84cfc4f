PY ?= .venv/bin/python

.PHONY: run test lint imports format check-deploy migrations-check messages worker beat ci upgrade-check

run:  ## the portal with demo data at http://127.0.0.1:8000
	./scripts/run.sh

test:  ## the whole test suite
	./scripts/test.sh

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(MAKE) imports migrations-check check-deploy

imports:  ## the layers of the layout and no import cycles (pyproject.toml)
	PYTHONPATH=. .venv/bin/lint-imports

upgrade-check:  ## a database of the earlier layout upgrades with every row and file
	bash .ci/upgrade_check

format:
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check:
	$(PY) manage.py makemigrations --check --dry-run

check-deploy:
	DJANGO_SETTINGS_MODULE=ziyang_portal.settings.production \
	SECRET_KEY=check-deploy-only-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG \
	ALLOWED_HOSTS=portal.example $(PY) manage.py check --deploy --fail-level WARNING

messages:
	./scripts/messages.sh

worker:
	.venv/bin/celery -A ziyang_portal worker --loglevel=INFO

beat:
	.venv/bin/celery -A ziyang_portal beat --loglevel=INFO

ci:
	bash .ci/run
