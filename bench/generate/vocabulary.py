"""The invented words of a synthetic year: categories, units, outlets, topics, mixes."""

# Kinds and sources of the demo suggestions (counts of 82).
SUGGESTION_MIX = [
    (("resident", "wechat_express"), 18),
    (("resident", "community_group"), 16),
    (("resident", "reception"), 20),
    (("resident", "phone"), 8),
    (("resident", "visit"), 7),
    (("resident", "web_form"), 3),
    (("session", "deputy"), 6),
    (("inter_session", "deputy"), 4),
]
STATUS_MIX = [
    ("received", 3),
    ("accepted", 5),
    ("in_progress", 5),
    ("reopened", 9),
    ("replied", 18),
    ("closed", 40),
    ("rejected", 2),
]
# The path each status took from "received", as timeline transitions.
STATUS_PATHS = {
    "received": [],
    "accepted": ["accepted"],
    "in_progress": ["accepted", "in_progress"],
    "replied": ["accepted", "in_progress", "replied"],
    "closed": ["accepted", "in_progress", "replied", "closed"],
    "rejected": ["rejected"],
    "reopened": ["accepted", "replied", "closed", "reopened"],
}
HAS_REPLY = {"replied", "closed", "rejected", "reopened"}
RATING_SCORES = [("satisfied", 25), ("basically", 8), ("unsatisfied", 9)]

CATEGORIES = ["城市建设", "市容环境", "交通出行", "社区治理", "民生服务", "治安安全"]
UNITS = [
    "区交通大队(模拟)",
    "区园林局(模拟)",
    "区城管执法局(模拟)",
    "区房管局(模拟)",
    "社区居委会(模拟)",
    "街道办事处(模拟)",
]
OUTLETS = [  # name, level, kind, own channel
    ("《人民意志》(模拟)", "province", "magazine", False),
    ("《长江日报》(模拟)", "city", "newspaper", False),
    ("《武汉晚报》(模拟)", "city", "newspaper", False),
    ("市人大网站(模拟)", "city", "website", False),
    ("区人大网站(模拟)", "district", "website", False),
    ("区内网(模拟)", "district", "intranet", False),
    ("紫阳微邻里(模拟)", "street", "wechat", True),
]
PLAN_HEADINGS = [
    ("学习培训", "work.training"),
    ("监督", "work.special"),
    ("代表活动", "work.special"),
    ("自身建设", "work.platform"),
    ("宣传", "work.publicity"),
]
PRIORITY_LINES = ["拼搏赶超线", "长江主轴线", "平安靓丽线", "民生幸福线"]
TOPICS = [
    "老旧小区改造",
    "背街小巷整治",
    "停车难",
    "垃圾分类",
    "加装电梯",
    "路灯维修",
    "噪音扰民",
    "绿化养护",
    "积水内涝",
    "菜市场秩序",
    "养老服务",
    "学校周边交通",
]
PUBLICATIONS = [
    ("《武昌政务简报》", "government"),
    ("《工作简报》", "internal"),
    ("《武昌人大》", "internal"),
]
