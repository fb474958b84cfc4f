"""A small street to import ledgers into, and sheets built row by row."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from ledgers.kinds import ledger
from tests.factories import CommunityFactory, DeputyFactory
from tests.publicity.factories import OutletFactory
from tests.reception.factories import StationFactory
from tests.suggestions.factories import CategoryFactory, HandlingUnitFactory


@pytest.fixture
def street(db):
    community = CommunityFactory(name="示例东社区")
    wang = DeputyFactory(name="王某东", community=community)
    liu = DeputyFactory(name="刘某西", community=community)
    station = StationFactory(
        name="示例东社区人大代表接待站", community=community, deputies=[wang, liu]
    )
    return SimpleNamespace(
        community=community,
        wang=wang,
        liu=liu,
        station=station,
        category=CategoryFactory(name="城市建设"),
        unit=HandlingUnitFactory(name="区示例局"),
        outlet=OutletFactory(name="区人大网站"),
        own=OutletFactory(name="紫阳微邻里", is_own_channel=True),
    )


def sheet_bytes(kind, rows, *, headers=None) -> bytes:
    """A workbook with the ledger's Chinese headers (or `headers`) and the rows,
    each row a dict of column key -> value."""
    columns = ledger(kind).columns
    workbook = Workbook()
    sheet = workbook.active
    with translation.override("zh-hans"):
        titles = headers or [str(column.header) for column in columns]
    sheet.append(titles)  # tests only: the portal writes through core.spreadsheets
    for row in rows:
        sheet.append([row.get(column.key) for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(kind, rows, *, name=None, **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or f"{kind}.xlsx", sheet_bytes(kind, rows, **kwargs))


def session_row(**values) -> dict:
    return {
        "station": "示例东社区人大代表接待站",
        "date": "2019-03-05",
        "deputies": "王某东、刘某西",
        "voters": 12,
        "mode": "集中接待",
        "issues": "路灯不亮\n楼道堆物",
        **values,
    }


def activity_row(**values) -> dict:
    return {
        "kind": "集中学习",
        "date": "2019-03-12",
        "title": "学习宪法",
        "attended": "王某东",
        "absent": "刘某西",
        **values,
    }


def suggestion_row(**values) -> dict:
    return {
        "received": "2019-03-05",
        "source": "来电",
        "community": "示例东社区",
        "category": "城市建设",
        "title": "路灯不亮",
        "text": "小区东门路灯坏了。",
        "unit": "区示例局",
        "status": "已办结",
        "reply_date": "2019-03-12",
        "reply": "已更换路灯。",
        "outcome": "A",
        "rating": "满意",
        **values,
    }


def article_row(**values) -> dict:
    return {
        "title": "代表进社区",
        "date": "2019-03-06",
        "authors": "示例通讯员",
        "outlet": "区人大网站",
        "accepted": "是",
        "accepted_on": "2019-03-10",
        **values,
    }


ROWS = {
    "sessions": session_row,
    "activities": activity_row,
    "suggestions": suggestion_row,
    "articles": article_row,
}
