"""This app's part of the 2018 demo year (see core/demo.py): the 2018 report.

The committee read its 2018 report to the district standing committee on
25 December 2018; the demo's draft of that year records the meeting, so that
its line under the title is the one the committee printed. Loaded after every
other app, its figures are those of the whole demo year.
"""

import datetime

from core.demo import DEMO_YEAR, demo_user

from .models import WorkReport
from .services import report_generate

MEETING_DATE = datetime.date(DEMO_YEAR, 12, 25)
MEETING_NAME = "武汉市武昌区第十五届人大常委会第16次会议"


def load(out) -> None:
    report = WorkReport.objects.filter(year=DEMO_YEAR).first()
    if report is None:
        report_generate(
            year=DEMO_YEAR,
            user=demo_user("staff"),
            meeting_date=MEETING_DATE,
            meeting_name=MEETING_NAME,
        )
    elif not (report.meeting_date or report.meeting_name):
        # A 2018 report made before the demo recorded its meeting.
        report.meeting_date, report.meeting_name = MEETING_DATE, MEETING_NAME
        report.save(update_fields=["meeting_date", "meeting_name"])
