"""Factories for the records every app's tests need (deputies' register).

App-specific factories live in tests/<app>/factories.py.
"""

import factory
from factory.django import DjangoModelFactory

from deputies.models import Community, Constituency, Deputy


class CommunityFactory(DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"示例{n}社区")
    slug = factory.Sequence(lambda n: f"community-{n}")


class ConstituencyFactory(DjangoModelFactory):
    class Meta:
        model = Constituency
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: n + 1)
    name = factory.LazyAttribute(lambda o: f"第{o.number}选区")


class DeputyFactory(DjangoModelFactory):
    class Meta:
        model = Deputy

    name = factory.Sequence(lambda n: f"示例代表{n}")
    gender = Deputy.Gender.FEMALE
    level = Deputy.Level.DISTRICT
    term = 15
    constituency = factory.SubFactory(ConstituencyFactory)
    community = factory.SubFactory(CommunityFactory)
    phone = factory.Sequence(lambda n: f"139{n:08d}")
