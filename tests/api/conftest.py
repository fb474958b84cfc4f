import pytest

from api.models import ApiToken


@pytest.fixture
def channel_token(db):
    """An active WeChat token and its secret, as staff would hand it over."""
    token = ApiToken(name="紫阳微邻里")
    secret = token.set_new_secret()
    token.save()
    return token, secret
