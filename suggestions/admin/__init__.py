"""The back office of suggestions: the register, its workflow and its records.

Django imports this package to find the admin pages; each module imported here
registers its own.
"""

from . import notices, records, reference, session_issues, suggestion

__all__ = ["notices", "records", "reference", "session_issues", "suggestion"]
