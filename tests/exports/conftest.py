import pytest


@pytest.fixture(autouse=True)
def exports_root(settings, tmp_path):
    """Each test writes its workbooks to a folder of its own."""
    settings.EXPORTS_ROOT = tmp_path / "exports"
    return settings.EXPORTS_ROOT
