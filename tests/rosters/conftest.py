import pytest

from tests.factories import DeputyFactory
from tests.reception.factories import StationFactory


@pytest.fixture
def colleague(db):
    """A deputy assigned to Zhang's station."""
    return DeputyFactory(name="王示例")


@pytest.fixture
def station(zhang, colleague):
    """Zhang's own station, with a colleague assigned beside her."""
    return StationFactory(
        name="梅隐寺示例接待站", slug="meiyinsi-demo", deputies=[zhang, colleague]
    )


@pytest.fixture
def li_station(li):
    return StationFactory(name="津水路示例接待站", slug="jinshuilu-demo", deputies=[li])
