"""This app's part of the 2018 demo year (see core/demo.py).

Nine community stations, in service since 2016 or 2017, all upgraded in 2018
and checked then against the eight-haves, every item met (each check dated on
the station's upgrade day, with its evidence photo), the street deputy office as
a venue, the four delegation visits the 2018 report
names and five centralised reception sessions with 129 voters in total. Every
name, address and issue is invented; pictures are drawn here and stored through
the portal's image pipeline like any upload.
"""

import datetime
import io
import zoneinfo
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from core.images import process_image
from deputies.models import Community, Deputy

from .models import (
    DelegationVisit,
    DelegationVisitPhoto,
    ReceptionSession,
    SessionIssue,
    SessionPhoto,
    StandardCheck,
    StandardItem,
    Station,
    StationPhoto,
)

TZ = zoneinfo.ZoneInfo("Asia/Shanghai")
FONT_PATHS = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]

OFFICE_SLUG = "street-office"

# community slug: the day the station came into service (invented).
OPENED = {
    "meiyinsi": datetime.date(2016, 3, 15),
    "ziyanghu": datetime.date(2016, 3, 15),
    "dachenglu": datetime.date(2016, 5, 9),
    "fuxinglu": datetime.date(2016, 5, 9),
    "shouyilu": datetime.date(2016, 9, 1),
    "changhu": datetime.date(2016, 9, 1),
    "jinshuilu": datetime.date(2017, 3, 6),
    "pengliuyang": datetime.date(2017, 3, 6),
    "ziyangdonglu": datetime.date(2017, 6, 12),
}

# community slug: (upgrade date, reception days)
STATIONS = {
    "meiyinsi": (datetime.date(2018, 4, 20), "每月第一个周五上午"),
    "ziyanghu": (datetime.date(2018, 5, 15), "每月第二个周五下午"),
    "dachenglu": (datetime.date(2018, 5, 30), "每月第二个周五上午"),
    "fuxinglu": (datetime.date(2018, 6, 12), "每月第三个周三上午"),
    "shouyilu": (datetime.date(2018, 6, 28), "每月第三个周五上午"),
    "changhu": (datetime.date(2018, 7, 18), "每月第一个周三下午"),
    "jinshuilu": (datetime.date(2018, 8, 9), "每月第四个周五上午"),
    "pengliuyang": (datetime.date(2018, 9, 6), "每月第三个周五上午"),
    "ziyangdonglu": (datetime.date(2018, 9, 27), "每月第四个周三下午"),
}

VISITS = [
    # (date, visiting body, level, region, station slugs, head count)
    (
        datetime.date(2018, 4, 26),
        "全国人大办公厅",
        DelegationVisit.Level.NATIONAL,
        "北京市",
        ["meiyinsi", OFFICE_SLUG],
        6,
    ),
    (
        datetime.date(2018, 6, 21),
        "江西省新余市渝水区人大",
        DelegationVisit.Level.DISTRICT,
        "江西省新余市",
        ["meiyinsi", "ziyanghu"],
        12,
    ),
    (
        datetime.date(2018, 9, 19),
        "山东省济南市槐荫区人大常委会",
        DelegationVisit.Level.DISTRICT,
        "山东省济南市",
        ["dachenglu", OFFICE_SLUG],
        15,
    ),
    (
        datetime.date(2018, 11, 7),
        "山东省潍坊市奎文区人大代表",
        DelegationVisit.Level.DISTRICT,
        "山东省潍坊市",
        ["pengliuyang", "meiyinsi"],
        18,
    ),
]

# (station slug, start, voters, deputies present, login that logged it,
#  summary, [(issue, community slug, category)]); 129 voters in all.
SESSIONS = [
    (
        OFFICE_SLUG,
        datetime.datetime(2018, 3, 16, 9, 0, tzinfo=TZ),
        32,
        ["张某华", "李某明", "王某平", "陈某军", "杨某强"],
        None,
        "街道代表室集中接待日,五名代表听取各社区居民意见,现场解答政策咨询。",
        [
            ("老旧小区屋面渗漏,希望纳入今年维修计划。", "fuxinglu", "房屋维修"),
            ("紫阳湖公园晨练音响扰民,建议约定音量和时段。", "ziyanghu", "环境"),
            ("小区门口占道经营,早高峰出行不便。", "shouyilu", "城市管理"),
            ("希望增设社区老年食堂,解决高龄老人吃饭难。", "changhu", "养老服务"),
            ("巡司河沿线绿化带垃圾清运不及时。", "jinshuilu", "环境卫生"),
        ],
    ),
    (
        "meiyinsi",
        datetime.datetime(2018, 5, 18, 9, 0, tzinfo=TZ),
        25,
        ["张某华", "徐某涛", "朱某红"],
        "deputy",
        "梅隐寺社区接待站集中接待,居民集中反映梅家山立交转盘下道路问题,代表表示将请市代表协调。",
        [
            (
                "梅家山立交转盘下道路坑洼不平,大石墩子影响行人和车辆通行。",
                "meiyinsi",
                "道路交通",
            ),
            ("津水路段雨后积水严重,希望疏通下水道。", "meiyinsi", "市政设施"),
            ("社区活动室开放时间短,希望周末也能开放。", "meiyinsi", "社区服务"),
            ("楼道堆放杂物存在消防隐患。", "meiyinsi", "消防安全"),
        ],
    ),
    (
        "ziyanghu",
        datetime.datetime(2018, 7, 13, 15, 0, tzinfo=TZ),
        23,
        ["王某平", "胡某伟"],
        None,
        "紫阳湖社区接待站集中接待,围绕紫阳湖水质提升和小区停车听取意见。",
        [
            ("紫阳湖部分水面夏季有异味,希望加快水质提升工程。", "ziyanghu", "环境"),
            ("小区停车位不足,夜间车辆乱停。", "ziyanghu", "停车管理"),
            ("希望在湖边步道增加路灯。", "ziyanghu", "市政设施"),
        ],
    ),
    (
        "dachenglu",
        datetime.datetime(2018, 9, 14, 9, 0, tzinfo=TZ),
        27,
        ["陈某军", "孙某燕"],
        None,
        "大成路社区接待站集中接待,居民关注红色物业进小区和加装电梯。",
        [
            ("无物业老旧小区希望引入红色物业。", "dachenglu", "物业管理"),
            ("多层住宅加装电梯的审批流程不清楚。", "dachenglu", "房屋维修"),
            ("社区卫生服务站就诊排队时间长。", "dachenglu", "医疗卫生"),
            ("路口人行道信号灯时间太短,老人过马路不安全。", "dachenglu", "道路交通"),
            ("小区垃圾分类投放点设置不合理。", "dachenglu", "环境卫生"),
            ("希望开展防范电信诈骗宣传。", "dachenglu", "平安建设"),
        ],
    ),
    (
        "pengliuyang",
        datetime.datetime(2018, 11, 16, 9, 0, tzinfo=TZ),
        22,
        ["周某斌", "吴某娟"],
        None,
        "彭刘杨社区接待站集中接待,代表就冬季供暖和背街小巷整治听取意见。",
        [
            ("背街小巷路面破损,雨天行走困难。", "pengliuyang", "道路交通"),
            ("希望社区提供免费法律咨询。", "pengliuyang", "社区服务"),
            ("临街餐馆油烟扰民。", "pengliuyang", "环境"),
        ],
    ),
]


def load(out) -> None:
    StandardItem.objects.ensure_defaults()
    stations = _load_stations()
    _load_visits(stations)
    _load_sessions(stations)
    out.write(
        f"  reception: {len(stations)} venues, {len(VISITS)} delegation visits, "
        f"{len(SESSIONS)} sessions"
    )


def _load_stations() -> dict[str, Station]:
    stations = {}
    communities = Community.objects.in_bulk(list(STATIONS), field_name="slug")
    for order, (slug, (upgraded, days)) in enumerate(STATIONS.items(), start=1):
        community = communities[slug]
        short = community.name.replace("(示例)", "")
        marker = "" if community.name == short else "(示例)"
        station, _ = Station.objects.update_or_create(
            slug=slug,
            defaults={
                "name": f"{short}人大代表接待站{marker}",
                "kind": Station.Kind.COMMUNITY,
                "community": community,
                "address": f"武昌区{short}示例地址{order}号",
                "opening_hours": "周一至周五 8:30-12:00,14:30-17:30",
                "reception_days": days,
                "contact_name": "社区示例联络员",
                "contact_phone": f"027-8800{order:04d}",
                "upgraded_on": upgraded,
                "opened_on": OPENED[slug],
                "ordering": order,
            },
        )
        station.deputies.set(Deputy.objects.filter(community=community))
        stations[slug] = station
    office, _ = Station.objects.update_or_create(
        slug=OFFICE_SLUG,
        defaults={
            "name": "紫阳街道人大代表室",
            "kind": Station.Kind.STREET_OFFICE,
            "community": None,
            "address": "武昌区紫阳街道办事处示例楼二楼",
            "opening_hours": "周一至周五 8:30-12:00,14:30-17:30",
            "reception_days": "每季度一次集中接待日",
            "contact_name": "工委示例工作人员",
            "contact_phone": "027-88000000",
            "open_to_all_deputies": True,
            "opened_on": datetime.date(2015, 3, 2),
            "ordering": 0,
        },
    )
    stations[OFFICE_SLUG] = office
    items = list(StandardItem.objects.active())
    for slug in STATIONS:
        station = stations[slug]
        _load_checks(station, items)
        if not station.photos.exists():
            photo = StationPhoto(station=station, caption=f"{station.name}外景(示例)")
            content = _picture(station.name)
            photo.image.save(content.name, content, save=False)
            photo.save()
    return stations


def _load_checks(station: Station, items) -> None:
    """The station's eight-haves check on its upgrade day, every item met."""
    for item in items:
        check, _ = StandardCheck.objects.update_or_create(
            station=station,
            item=item,
            checked_on=station.upgraded_on,
            defaults={"met": True},
        )
        if not check.evidence:
            content = _picture(f"{item.name}\n{station.name}")
            check.evidence.save(content.name, content, save=True)


def _load_visits(stations) -> None:
    for date, body, level, region, slugs, heads in VISITS:
        visit, _ = DelegationVisit.objects.update_or_create(
            date=date,
            visiting_body=body,
            defaults={
                "level": level,
                "region": region,
                "head_count": heads,
                "notes": f"{body}考察团参观紫阳街社区人大代表接待站建设(示例记录)。",
            },
        )
        visit.stations.set(stations[s] for s in slugs)
        if not visit.photos.exists():
            photo = DelegationVisitPhoto(visit=visit, caption=f"{body}考察团(示例)")
            content = _picture(f"{body}\n考察团")
            photo.image.save(content.name, content, save=False)
            photo.save()


def _load_sessions(stations) -> None:
    from django.contrib.auth import get_user_model

    names = {name for row in SESSIONS for name in row[3]}
    deputies = {d.name: d for d in Deputy.objects.filter(name__in=names)}
    communities = Community.objects.in_bulk(field_name="slug")
    users = get_user_model().objects.in_bulk(
        [row[4] for row in SESSIONS if row[4]], field_name="username"
    )
    for slug, start, voters, names, login, summary, issues in SESSIONS:
        session, _ = ReceptionSession.objects.update_or_create(
            station=stations[slug],
            started_at=start,
            defaults={
                "mode": ReceptionSession.Mode.CENTRALISED,
                "voters_received": voters,
                "summary": summary,
                "created_by": users.get(login),
                "created_at": start + datetime.timedelta(hours=3),
            },
        )
        session.deputies.set(deputies[name] for name in names)
        for order, (text, community, category) in enumerate(issues):
            SessionIssue.objects.update_or_create(
                session=session,
                ordering=order,
                defaults={
                    "text": text,
                    "community": communities[community],
                    "category": category,
                },
            )
        for number in (1, 2):
            caption = f"{stations[slug].name}接待现场{number}(示例)"
            if session.photos.filter(caption=caption).exists():
                continue
            # Into the private folder like any session photo: shown in the
            # workspace and the archive, never on the public station page.
            photo = SessionPhoto(session=session, caption=caption)
            content = _picture(f"{start:%Y-%m-%d}\n{stations[slug].name}\n{number}")
            photo.image.save(content.name, content, save=False)
            photo.save()


def _font(size: int):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def _picture(text: str):
    """A small labelled JPEG, passed through the upload pipeline."""
    image = Image.new("RGB", (480, 320), (164, 22, 26))
    draw = ImageDraw.Draw(image)
    draw.rectangle((12, 12, 468, 308), outline=(255, 255, 255), width=3)
    draw.multiline_text(
        (32, 40), f"示例照片\n{text}", fill=(255, 255, 255), font=_font(26), spacing=10
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70)
    upload = SimpleUploadedFile("demo.jpg", buffer.getvalue(), "image/jpeg")
    return process_image(upload)
