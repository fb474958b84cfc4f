"""This app's part of the 2018 demo year (see core/demo.py).

Sixteen articles are submitted to outside outlets and accepted 1, 1, 1, 3, 10 and
13 times by 《人民意志》, 《长江日报》, 《武汉晚报》, the city and district congress
websites and the district intranet; six deputy profile posts go out on the street's
own "紫阳微邻里" WeChat account. The figures come from these records.
"""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from PIL import Image, ImageDraw

from core.images import process_image
from deputies.models import Deputy, DutyActivity
from reception.demo import OFFICE_SLUG
from reception.models import ReceptionSession

from .models import Article, Outlet, Submission

# (name, level, kind, own channel)
OUTLETS = [
    ("《人民意志》", Outlet.Level.PROVINCE, Outlet.Kind.MAGAZINE, False),
    ("《长江日报》", Outlet.Level.CITY, Outlet.Kind.NEWSPAPER, False),
    ("《武汉晚报》", Outlet.Level.CITY, Outlet.Kind.NEWSPAPER, False),
    ("市人大网站", Outlet.Level.CITY, Outlet.Kind.WEBSITE, False),
    ("区人大网站", Outlet.Level.DISTRICT, Outlet.Kind.WEBSITE, False),
    ("区内网", Outlet.Level.DISTRICT, Outlet.Kind.INTRANET, False),
    ("紫阳微邻里", Outlet.Level.STREET, Outlet.Kind.WECHAT, True),
]
WECHAT = "紫阳微邻里"

AUTHOR = "紫阳街人大工委(示例)"

# (title, date, summary, deputies featured, published on the portal); dates
# follow the records they report on (deputies' and reception's demo years).
NEWS = [
    (
        "紫阳街九个社区代表接待站完成提档升级",
        (9, 28),
        "按照“八有”标准,九个社区代表接待站全部完成提档升级。",
        [],
        True,
    ),
    (
        "紫阳街人大工委组织代表开展精准扶贫“回头看”",
        (11, 22),
        "三次入户走访,代表参加率、入户率均达到百分之百。",
        ["张某华", "李某明", "陈某军"],
        True,
    ),
    (
        "人大代表回原选区述职 接受选民评议",
        (8, 31),
        "七名代表回到原选区向选民报告履职情况。",
        ["张某华", "李某明", "王某平", "陈某军", "刘某芳", "杨某强", "周某斌"],
        True,
    ),
    (
        "全国人大办公厅考察团来紫阳街调研代表接待站工作",
        (4, 27),
        "考察团实地察看了梅隐寺社区代表接待站。",
        [],
        True,
    ),
    (
        "紫阳街人大代表赴青岛考察学习",
        (4, 18),
        "代表们学习基层人大工作经验,并撰写了培训心得体会。",
        ["张某华", "吴某娟"],
        True,
    ),
    (
        "代表座谈“红色物业”“幸福驿站”建设",
        (4, 26),
        "代表为红色物业和幸福驿站建设出谋划策。",
        [],
        True,
    ),
    (
        "紫阳街人大代表聚焦巡司河综合治理",
        (11, 8),
        "座谈会上,代表围绕巡司河综合治理提出建议。",
        ["杨某强"],
        True,
    ),
    (
        "代表建言紫阳湖水质提升",
        (11, 9),
        "居民在接待站反映的紫阳湖水质问题,成为座谈会的议题。",
        [],
        True,
    ),
    (
        "“大湖+”工作座谈会听取代表意见",
        (6, 14),
        "代表围绕“大湖+”工作建言献策。",
        [],
        True,
    ),
    (
        "梅隐寺社区居民反映道路坑洼 代表接力督办",
        (6, 28),
        "梅家山立交转盘下道路问题经市代表协调,已部分解决。",
        ["张某华", "朱某红"],
        True,
    ),
    (
        "紫阳街顺利完成第二选区人大代表补选",
        (6, 29),
        "第二选区补选工作圆满完成。",
        [],
        True,
    ),
    (
        "代表统一活动日:人大代表进站接待选民",
        (3, 16),
        "代表在街道代表室面对面听取选民意见。",
        ["张某华", "李某明"],
        True,
    ),
    (
        "“双评议”工作座谈会召开",
        (8, 30),
        "代表就“双评议”工作座谈交流。",
        [],
        True,
    ),
    (
        "山东省济南市槐荫区人大常委会考察团来访",
        (9, 20),
        "考察团与街道工委交流代表工作经验。",
        [],
        False,
    ),
    (
        "江西省新余市渝水区人大考察团来访交流",
        (6, 22),
        "考察团参观了社区代表接待站。",
        [],
        False,
    ),
    ("紫阳街人大代表建议件件有回音", (12, 10), "代表建议均已得到答复。", [], True),
]

# What an article reports on: {position in NEWS: ([(activity kind, date)],
# [(station slug, session date)])}. Records missing from the tree are skipped.
K = DutyActivity.Kind
REPORTS_ON = {
    1: (
        [
            (K.POVERTY_VISIT, (3, 28)),
            (K.POVERTY_VISIT, (7, 18)),
            (K.POVERTY_VISIT, (11, 21)),
        ],
        [],
    ),
    4: ([(K.TRAINING, (4, 16))], []),
    5: ([(K.SYMPOSIUM, (4, 25))], []),
    6: ([(K.SYMPOSIUM, (11, 7))], []),
    7: ([(K.SYMPOSIUM, (11, 7))], [("ziyanghu", (7, 13))]),
    8: ([(K.SYMPOSIUM, (6, 13))], []),
    9: ([], [("meiyinsi", (5, 18))]),
    11: ([], [(OFFICE_SLUG, (3, 16))]),
    12: ([(K.SYMPOSIUM, (8, 29))], []),
}

# Which of the articles above (by position) each outlet received and accepted.
SUBMITTED = {
    "区内网": (range(16), range(13)),
    "区人大网站": (range(12), range(10)),
    "市人大网站": (range(5), range(3)),
    "《长江日报》": ([0, 1], [0]),
    "《武汉晚报》": ([1, 2], [1]),
    "《人民意志》": ([2, 3], [2]),
}

# (deputy, date, theme) of the six 人大代表风采 posts on 紫阳微邻里.
PROFILES = [
    ("张某华", (2, 26), "扎根社区二十年的“贴心人”"),
    ("李某明", (4, 9), "把企业管理经验带进社区治理"),
    ("陈某军", (5, 28), "医者仁心,为居民健康奔走"),
    ("黄某兰", (7, 23), "小巷里的“金牌调解员”"),
    ("周某斌", (9, 17), "用工程师的严谨督办民生实事"),
    ("吴某娟", (11, 19), "以法为尺,为群众答疑解惑"),
]

YEAR = 2018


def _date(month_day, plus_days=0):
    return datetime.date(YEAR, *month_day) + datetime.timedelta(days=plus_days)


def _body(summary, title):
    return (
        f"{summary}\n\n"
        f"这是示例数据,用于演示门户的宣传工作记录。《{title}》一文由街道人大工委"
        "整理,记录代表履职的鲜活事例。\n\n"
        "- 时间、地点和参加人员见工委工作台账\n"
        "- 图片资料存入代表履职档案"
    )


def _demo_picture(seed: int) -> SimpleUploadedFile:
    """A plain drawn banner: the demo ships no photographs of real people."""
    colours = [(164, 22, 26), (13, 110, 253), (25, 135, 84), (111, 66, 193)]
    image = Image.new("RGB", (640, 360), colours[seed % len(colours)])
    draw = ImageDraw.Draw(image)
    for step in range(6):
        inset = 20 + step * 24 + seed % 3 * 8
        draw.rectangle(
            [inset, inset, 640 - inset, 360 - inset], outline=(255, 255, 255), width=3
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile("demo.png", out.getvalue(), content_type="image/png")


def _add_cover(article, seed: int) -> None:
    # Pictures are made once; later runs leave the stored file alone.
    if article.cover:
        return
    picture = process_image(_demo_picture(seed))
    article.cover_alt = "示例配图:白色方框图案(演示数据,无真实照片)"
    article.cover.save(picture.name, picture, save=False)
    article.save(update_fields=["cover", "cover_alt"])


def _article(title, month_day, summary, names, published, deputies, *, profile=False):
    article, _ = Article.objects.update_or_create(
        title=title,
        defaults={
            "summary": summary,
            "body": _body(summary, title),
            "authors": AUTHOR,
            "date": _date(month_day),
            "is_profile_post": profile,
            "is_published": published,
        },
    )
    article.deputies.set(deputies[name] for name in names)
    return article


def _link(article, activities, sessions) -> None:
    kinds_dates = Q()
    for kind, month_day in activities:
        kinds_dates |= Q(kind=kind, date=_date(month_day))
    article.activities.set(
        DutyActivity.objects.filter(kinds_dates) if activities else []
    )
    places_days = Q()
    for slug, month_day in sessions:
        places_days |= Q(station__slug=slug, started_at__date=_date(month_day))
    article.sessions.set(
        ReceptionSession.objects.filter(places_days) if sessions else []
    )


def load(out) -> None:
    outlets = {}
    for order, (name, level, kind, own) in enumerate(OUTLETS):
        outlets[name], _ = Outlet.objects.update_or_create(
            name=name,
            defaults={
                "level": level,
                "kind": kind,
                "is_own_channel": own,
                "ordering": order,
            },
        )
    names = {name for row in NEWS for name in row[3]} | {row[0] for row in PROFILES}
    deputies = {d.name: d for d in Deputy.objects.filter(name__in=names)}
    news = [_article(*row, deputies) for row in NEWS]
    for index, (activities, sessions) in REPORTS_ON.items():
        _link(news[index], activities, sessions)
    for seed, article in enumerate(news[:6]):
        _add_cover(article, seed)
    for outlet_name, (sent, accepted) in SUBMITTED.items():
        for index in sent:
            article = news[index]
            ok = index in accepted
            Submission.objects.update_or_create(
                article=article,
                outlet=outlets[outlet_name],
                defaults={
                    "sent_on": _date((article.date.month, article.date.day), 1),
                    "accepted": ok,
                    "accepted_on": (
                        _date((article.date.month, article.date.day), 5) if ok else None
                    ),
                    "issue": f"{YEAR}年第{article.date.month}期"
                    if ok and outlets[outlet_name].kind == Outlet.Kind.MAGAZINE
                    else "",
                },
            )
    for name, month_day, theme in PROFILES:
        post = _article(
            f"人大代表风采|{name}:{theme}",
            month_day,
            f"走近紫阳街人大代表{name}(示例)。",
            [name],
            True,
            deputies,
            profile=True,
        )
        _add_cover(post, len(post.title))
        Submission.objects.update_or_create(
            article=post,
            outlet=outlets[WECHAT],
            defaults={
                "sent_on": post.date,
                "accepted": True,
                "accepted_on": post.date,
            },
        )
