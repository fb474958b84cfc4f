"""The suggestion workflow: every entry point (public form, deputy workspace,
admin, tasks, demo) changes a suggestion through the functions of these modules.

Each function records a timeline entry for what it did and queues the
notifications after the transaction commits, so that a broker outage never loses
a submission: the notification rows stay in the outbox until a task delivers them.
"""
