"""This app's part of the 2018 demo year (see ziyang_portal/demo.py).

The register is invented: 某-style names and communities marked (示例), except
梅隐寺社区, which the 2018 report names.
"""

import datetime

from django.contrib.auth import get_user_model

from .models import Community, Constituency, Deputy

COMMUNITIES = [
    ("梅隐寺社区", "meiyinsi"),
    ("紫阳湖社区(示例)", "ziyanghu"),
    ("大成路社区(示例)", "dachenglu"),
    ("复兴路社区(示例)", "fuxinglu"),
    ("首义路社区(示例)", "shouyilu"),
    ("长湖社区(示例)", "changhu"),
    ("津水路社区(示例)", "jinshuilu"),
    ("彭刘杨社区(示例)", "pengliuyang"),
    ("紫阳东路社区(示例)", "ziyangdonglu"),
]

# number: (name, community slugs covered)
CONSTITUENCIES = {
    1: ("第一选区", ["meiyinsi", "jinshuilu"]),
    2: ("第二选区", ["ziyanghu", "ziyangdonglu"]),
    3: ("第三选区", ["dachenglu", "fuxinglu"]),
    4: ("第四选区", ["shouyilu", "changhu"]),
    5: ("第五选区", ["pengliuyang"]),
}

# (name, gender, level, constituency, community, party, birth year, occupation,
#  login username or None). The last two of constituency 2 are the by-election.
DEPUTIES = [
    ("张某华", "f", "district", 1, "meiyinsi", "中共党员", 1968, "社区书记", "deputy"),
    (
        "李某明",
        "m",
        "district",
        1,
        "jinshuilu",
        "中共党员",
        1972,
        "企业管理人员",
        "deputy2",
    ),
    ("王某平", "m", "district", 2, "ziyanghu", "群众", 1975, "个体经营者", None),
    ("赵某英", "f", "district", 2, "ziyangdonglu", "中共党员", 1980, "教师", None),
    ("陈某军", "m", "district", 3, "dachenglu", "民盟盟员", 1966, "医生", None),
    ("刘某芳", "f", "district", 3, "fuxinglu", "中共党员", 1978, "街道干部", None),
    ("杨某强", "m", "district", 4, "shouyilu", "群众", 1970, "物业经理", None),
    ("黄某兰", "f", "district", 4, "changhu", "中共党员", 1983, "社区书记", None),
    ("周某斌", "m", "district", 5, "pengliuyang", "九三学社社员", 1962, "工程师", None),
    ("吴某娟", "f", "district", 5, "pengliuyang", "中共党员", 1976, "律师", None),
    ("徐某涛", "m", "district", 1, "meiyinsi", "中共党员", 1969, "企业负责人", None),
    ("孙某燕", "f", "district", 3, "dachenglu", "群众", 1985, "社工", None),
    ("马某东", "m", "city", 4, "shouyilu", "中共党员", 1964, "企业负责人", None),
    ("朱某红", "f", "city", 1, "meiyinsi", "中共党员", 1967, "人大代表联络员", None),
    ("胡某伟", "m", "district", 2, "ziyanghu", "中共党员", 1979, "民警", None),
]

DEMO_PHONE_PREFIX = "1390000"


def load(out) -> None:
    communities = {}
    for order, (name, slug) in enumerate(COMMUNITIES):
        communities[slug], _ = Community.objects.update_or_create(
            slug=slug, defaults={"name": name, "ordering": order}
        )
    constituencies = {}
    for number, (name, slugs) in CONSTITUENCIES.items():
        constituencies[number], _ = Constituency.objects.update_or_create(
            number=number, defaults={"name": name}
        )
        constituencies[number].communities.set(communities[s] for s in slugs)
    users = get_user_model().objects.in_bulk(
        [row[-1] for row in DEPUTIES if row[-1]], field_name="username"
    )
    for index, row in enumerate(DEPUTIES):
        name, gender, level, number, slug, party, born, job, username = row
        Deputy.objects.update_or_create(
            name=name,
            defaults={
                "gender": gender,
                "level": level,
                "term": 15 if level == "district" else 14,
                "constituency": constituencies[number],
                "community": communities[slug],
                "party": party,
                "birth_year": born,
                "occupation": job,
                "employer": "示例单位",
                "phone": f"{DEMO_PHONE_PREFIX}{index:04d}",
                "profile": f"{name},{job},示例代表,热心为社区居民办实事。",
                "active_from": datetime.date(2016, 12, 1),
                "user": users.get(username),
            },
        )
