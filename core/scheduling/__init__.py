"""The periodic jobs of CELERY_BEAT_SCHEDULE, run without Celery beat too.

`manage.py run_scheduled` runs the jobs that are due, in-process (runner.py);
under Celery beat the worker's task signals keep the same record (records.py);
/healthz reads it and says when a job is overdue (status.py).
"""
