"""This app's part of the 2018 demo year (see core/demo.py).

The register is invented: 某-style names and communities marked (示例), except
梅隐寺社区, which the 2018 report names.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from PIL import Image, ImageDraw

from core.images import process_image

from .models import (
    ActivityPhoto,
    Attendance,
    ByElection,
    Community,
    Constituency,
    Deputy,
    DutyActivity,
    DutyReport,
)

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

# Elected at the 2018 by-election of constituency 2 (the last two of it above).
BY_ELECTION_DATE = datetime.date(2018, 6, 28)
BY_ELECTED = ["赵某英", "胡某伟"]


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
                "active_from": BY_ELECTION_DATE
                if name in BY_ELECTED
                else datetime.date(2016, 12, 1),
                "user": users.get(username),
            },
        )
    load_2018(out)


K = DutyActivity.Kind
ORG = DutyActivity.Organiser
P = DutyActivity.PublicationKind

# Every activity of 2018: (kind, date, topic, place, organiser, extra fields,
# deputies invited, deputies absent). "district" invites every district deputy.
ALL = "all"
DISTRICT = "district"
TRIP_GROUP = ["张某华", "李某明", "陈某军", "刘某芳", "黄某兰", "吴某娟"]

ACTIVITIES = [
    (
        K.STUDY,
        datetime.date(2018, 3, 20),
        "学习《宪法修正案》",
        "街道代表室",
        ORG.STREET,
        {},
        DISTRICT,
        ["周某斌"],
    ),
    (
        K.STUDY,
        datetime.date(2018, 5, 15),
        "学习《监察法》及习近平总书记视察湖北重要讲话精神",
        "街道代表室",
        ORG.STREET,
        {},
        DISTRICT,
        [],
    ),
    (
        K.STUDY,
        datetime.date(2018, 9, 12),
        "学习《省人大常委会关于深入开展扫黑除恶专项斗争的决定》",
        "街道代表室",
        ORG.STREET,
        {},
        DISTRICT,
        ["马某东"],
    ),
    (
        K.TRAINING,
        datetime.date(2018, 4, 16),
        "赴青岛考察学习基层人大工作",
        "山东省青岛市",
        ORG.DISTRICT,
        {},
        TRIP_GROUP[:4],
        [],
    ),
    (
        K.TRAINING,
        datetime.date(2018, 7, 9),
        "赴杭州考察学习代表联络站建设",
        "浙江省杭州市",
        ORG.DISTRICT,
        {},
        TRIP_GROUP[2:],
        [],
    ),
    (
        K.TRAINING,
        datetime.date(2018, 10, 22),
        "赴成都考察学习社区治理经验",
        "四川省成都市",
        ORG.DISTRICT,
        {},
        ["张某华", "吴某娟", "徐某涛"],
        [],
    ),
    (
        K.SYMPOSIUM,
        datetime.date(2018, 4, 25),
        "红色物业、幸福驿站工作座谈会",
        "紫阳湖社区(示例)代表接待站",
        ORG.STREET,
        {"topics": "红色物业\n幸福驿站"},
        DISTRICT,
        ["孙某燕"],
    ),
    (
        K.SYMPOSIUM,
        datetime.date(2018, 6, 13),
        "“大湖+”工作座谈会",
        "街道代表室",
        ORG.STREET,
        {"topics": "“大湖+”"},
        DISTRICT,
        [],
    ),
    (
        K.SYMPOSIUM,
        datetime.date(2018, 8, 29),
        "“双评议”工作座谈会",
        "街道代表室",
        ORG.STREET,
        {"topics": "“双评议”"},
        DISTRICT,
        ["杨某强"],
    ),
    (
        K.SYMPOSIUM,
        datetime.date(2018, 11, 7),
        "巡司河综合治理及紫阳湖水质提升座谈会",
        "梅隐寺社区代表接待站",
        ORG.STREET,
        {"topics": "巡司河综合治理\n紫阳湖水质提升"},
        ALL,
        [],
    ),
    (
        K.POVERTY_VISIT,
        datetime.date(2018, 3, 28),
        "精准扶贫“回头看”第一次入户走访",
        "结对帮扶村(示例)",
        ORG.DISTRICT,
        {"households_due": 12, "households_visited": 12},
        ["张某华", "李某明", "王某平", "陈某军"],
        [],
    ),
    (
        K.POVERTY_VISIT,
        datetime.date(2018, 7, 18),
        "精准扶贫“回头看”第二次入户走访",
        "结对帮扶村(示例)",
        ORG.DISTRICT,
        {"households_due": 12, "households_visited": 12},
        ["刘某芳", "杨某强", "黄某兰", "周某斌"],
        [],
    ),
    (
        K.POVERTY_VISIT,
        datetime.date(2018, 11, 21),
        "精准扶贫“回头看”第三次入户走访",
        "结对帮扶村(示例)",
        ORG.DISTRICT,
        {"households_due": 12, "households_visited": 12},
        ["张某华", "吴某娟", "徐某涛", "孙某燕"],
        [],
    ),
    (
        K.INSPECTION,
        datetime.date(2018, 5, 30),
        "视察老旧小区改造及背街小巷整治",
        "复兴路社区(示例)",
        ORG.STREET,
        {},
        DISTRICT,
        ["王某平"],
    ),
    (
        K.LAW_INSPECTION,
        datetime.date(2018, 9, 26),
        "《中华人民共和国大气污染防治法》执法检查",
        "辖区餐饮街区",
        ORG.DISTRICT,
        {"law_inspected": "《中华人民共和国大气污染防治法》"},
        ["张某华", "陈某军", "周某斌", "马某东"],
        [],
    ),
    (
        K.ACTIVITY_DAY,
        datetime.date(2018, 12, 5),
        "代表统一活动日:进站接待选民",
        "各社区代表接待站",
        ORG.DISTRICT,
        {},
        DISTRICT,
        ["周某斌", "孙某燕"],
    ),
]

# 5 issues of the government briefing and 6 internal periodicals, every one of
# them given to every deputy.
BRIEFINGS = [
    (datetime.date(2018, m, 10), "《武昌政务简报》", P.GOVERNMENT, 15)
    for m in (2, 4, 6, 9, 11)
] + [
    (datetime.date(2018, m, 20), title, P.INTERNAL, 15)
    for m, title in (
        (1, "《工作简报》"),
        (3, "《工作简报》"),
        (5, "《武昌人大》"),
        (7, "《工作简报》"),
        (10, "《武昌人大》"),
        (12, "《工作简报》"),
    )
]

REFLECTION = (
    "{name}:通过本次考察学习,看到了兄弟地区在基层人大工作上的好做法,"
    "回来后要结合社区实际,把接待选民、收集民意的工作做得更细更实。"
)

# (deputy, day of August 2018, audience, satisfied, fairly satisfied, dissatisfied)
DUTY_REPORTS = [
    ("张某华", 8, 42, 38, 4, 0),
    ("李某明", 9, 36, 31, 5, 0),
    ("王某平", 14, 30, 25, 4, 1),
    ("陈某军", 16, 45, 41, 4, 0),
    ("杨某强", 21, 33, 28, 5, 0),
    ("周某斌", 23, 28, 24, 3, 1),
    ("徐某涛", 28, 39, 35, 4, 0),
]

# Colours of the generated demo photos, one per kind of activity.
PHOTO_COLOURS = {
    K.STUDY: (38, 84, 124),
    K.TRAINING: (47, 133, 90),
    K.SYMPOSIUM: (176, 42, 48),
    K.POVERTY_VISIT: (196, 120, 24),
    K.INSPECTION: (90, 70, 140),
    K.LAW_INSPECTION: (60, 60, 60),
    K.ACTIVITY_DAY: (0, 120, 140),
    K.BRIEFING: (120, 120, 120),
}


def demo_photo(colour, seed: int):
    """A small generated JPEG, passed through the upload pipeline like any photo."""
    image = Image.new("RGB", (480, 320), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 200, 440, 300), fill=(245, 240, 230))
    for i in range(5):
        x = 60 + i * 80 + (seed * 7) % 20
        draw.ellipse((x, 110, x + 50, 160), fill=(250, 220, 190))
        draw.rectangle((x - 5, 160, x + 55, 230), fill=(30, 30, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    buffer.name = "demo.jpg"
    buffer.size = buffer.tell()
    return process_image(buffer)


def load_2018(out) -> None:
    deputies = {d.name: d for d in Deputy.objects.all()}
    district = [d.name for d in deputies.values() if d.level == Deputy.Level.DISTRICT]
    for index, row in enumerate(ACTIVITIES):
        kind, date, title, place, organiser, extra, invited, absent = row
        if invited == ALL:
            invited = list(deputies)
        elif invited == DISTRICT:
            invited = district
        activity = _activity(kind, date, title, place, organiser, extra)
        for name in _serving(deputies, invited, date):
            attended = name not in absent
            reflection = ""
            if kind == K.TRAINING and attended:
                reflection = REFLECTION.format(name=name)
            Attendance.objects.update_or_create(
                activity=activity,
                deputy=deputies[name],
                defaults={
                    "invited": True,
                    "attended": attended,
                    "reflection": reflection,
                },
            )
        _photos(activity, index)
    for date, publication, publication_kind, copies in BRIEFINGS:
        activity = _activity(
            K.BRIEFING,
            date,
            f"发放{publication}",
            "街道人大工委",
            ORG.STREET,
            {
                "publication": publication,
                "publication_kind": publication_kind,
                "copies": copies,
                "recipients": "辖区全体人大代表",
                "is_public": False,
            },
        )
        for name in _serving(deputies, deputies, date):
            Attendance.objects.update_or_create(
                activity=activity,
                deputy=deputies[name],
                defaults={"invited": True, "attended": True},
            )
    for name, day, audience, satisfied, fairly, dissatisfied in DUTY_REPORTS:
        deputy = deputies[name]
        DutyReport.objects.update_or_create(
            deputy=deputy,
            date=datetime.date(2018, 8, day),
            defaults={
                "constituency": deputy.constituency,
                "place": f"{deputy.community}代表接待站",
                "audience": audience,
                "satisfied": satisfied,
                "fairly_satisfied": fairly,
                "dissatisfied": dissatisfied,
                "text": (
                    f"{name}代表向第{deputy.constituency.number}选区选民报告"
                    "一年来学习培训、视察调研、接待选民和督办建议的情况。"
                    "(示例述职报告)"
                ),
            },
        )
    by_election, _ = ByElection.objects.update_or_create(
        constituency=Constituency.objects.get(number=2),
        date=BY_ELECTION_DATE,
        defaults={
            "seats": len(BY_ELECTED),
            "notes": "依法补选区人大代表,填补第二选区代表名额缺口。(示例)",
        },
    )
    by_election.elected.set(deputies[name] for name in BY_ELECTED)


def _serving(deputies, names, date) -> list[str]:
    """The names of those serving on the day: the by-elected join mid-year."""
    return [
        name
        for name in names
        if not deputies[name].active_from or deputies[name].active_from <= date
    ]


def _activity(kind, date, title, place, organiser, extra) -> DutyActivity:
    activity, _ = DutyActivity.objects.update_or_create(
        kind=kind,
        date=date,
        title=title,
        defaults={
            "place": place,
            "organiser": organiser,
            "description": f"{title}。(示例活动记录)",
            **extra,
        },
    )
    return activity


def _photos(activity, seed: int) -> None:
    """Two photos per activity, made once: a second load leaves them alone."""
    for number in (1, 2):
        caption = f"{activity.title}(现场照片{number})"
        if activity.photos.filter(caption=caption).exists():
            continue
        photo = ActivityPhoto(activity=activity, caption=caption, ordering=number)
        content = demo_photo(PHOTO_COLOURS[activity.kind], seed * 2 + number)
        photo.image.save(content.name, content, save=True)
