"""The keys of the year-end report's parts, shared by the apps that file under them.

The work plan's areas are the report's five parts of 一、主要工作完成情况, so a
plan item and the paragraph that reports on it share a key. The report's outline
itself (headings and order) is in report/structure.py.
"""

OPENING = "opening"
PLATFORM = "work.platform"
TRAINING = "work.training"
SPECIAL = "work.special"
CHANNELS = "work.channels"
PUBLICITY = "work.publicity"
PROBLEMS = "problems"
PLANS = "plans"
CLOSING = "closing"
