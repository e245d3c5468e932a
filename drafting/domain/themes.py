"""The work areas (themes) of a federation's report, and how a heading or a sentence names one.

A theme is what a drafter files an activity under: 学法用法, 普法宣传, 维权, 关爱帮扶 … Each report
kind maps themes to its own sections and subsections (kinds.py). Headings of earlier reports are
short and formulaic ("（三）强化矛盾纠纷化解"), so a heading names its theme reliably; a sentence is
placed by the headings its nearest passages in the corpus sit under (plan/placement.py), and only
then by its own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    heading_words: re.Pattern[str]
    """Words that make a heading about this theme (checked on headings only)."""
    weak_words: re.Pattern[str] | None
    text_words: re.Pattern[str]
    """Words that tie a sentence to this theme (weaker evidence: a word has several senses)."""


def _re(words: str) -> re.Pattern[str]:
    return re.compile("|".join(words.split()))


THEMES = [
    Theme("study", "学法用法", _re("学法 学习 中心组 理论 素养 考试 法治思维 依法执政 依法行政 关键少数 述法"), None,
          _re("学法 中心组 会前学法 学法考试 法律知识考试 法治专题 党课 理论学习 专题学习 "
              "集体学习 述法 法治讲座 干部职工 自学 研讨 "
              "学习[^，。；]{0,6}法律法规")),
    Theme("mechanism", "工作机制", _re("组织领导 普法责任制 责任制 领导小组 高度重视 压实 责任清单 责任体系 谋划部署"),
          _re("机制 制度 部署 统筹 责任 保障"),
          _re("领导小组 责任清单 责任制 工作要点 工作计划 实施方案 制度 考核 纳入 部署 分工 "
              "台账 专题会议 督察 整改 绩效")),
    Theme("publicity", "普法宣传", _re("普法 宣传 宣讲 法治氛围 法治环境 法治宣传 主题活动 阵地"), None,
          _re("普法 法治宣传 宣传 宣讲 资料 手册 彩页 宣传周 法律知识 进村 进社区 进校园 "
              "法治讲座 法治文化 宣传栏 维权周 反家暴日 法治示范创建 法律问题 答疑解惑 庆祝活动")),
    Theme("media", "新媒体普法", _re("新媒体 网络 线上 形式 创新 平台"), None,
          _re("公众号 推文 短视频 视频 直播 线上 网络 微信 新媒体 竞赛 小程序 抖音 浏览量 云课堂")),
    Theme("team", "普法队伍", _re("普法队伍 队伍 人才 力量 志愿"), None,
          _re("队伍 志愿者 志愿服务队 讲师 律师 法律明白人 执委 调解员 人民陪审员 师资 骨干 "
              "网格员 培训班 专题培训 能力提升")),
    Theme("rights", "依法维权", _re("维权 信访 矛盾纠纷 矛盾 纠纷 化解 调解 维稳 稳定 权益 保护 家暴 家庭暴力"), None,
          _re("信访 维权 权益 (?<!协)调解 纠纷 化解 家暴 家庭暴力 保护令 热线 12338 法律援助 "
              "来访 来电 案件 排查 告诫书 接待")),
    Theme("care", "关爱帮扶", _re("关爱 帮扶 救助 服务 民生 困难 温暖"), None,
          _re("关爱 慰问 救助 两癌 春蕾 困境 留守 困难 帮扶 资助 助学 病 孤儿 残疾 送温暖 爱心 "
              "老旧小区 现代社区 社区建设 城市更新 人居环境")),
    Theme("family", "家庭家教家风", _re("家庭教育 家庭建设 家教 家风 最美家庭 文明家庭 家庭文明"), None,
          _re("家庭教育 家教 家风 最美家庭 文明家庭 家长 亲子 婚姻家庭辅导 家长学校 家庭建设 家庭文明")),
    Theme("ideology", "思想引领", _re("思想 引领 凝心 聚力 政治 党的 学习贯彻 宣讲"), None,
          _re("思想引领 学习贯彻 二十大 全会精神 主题教育 心向党 宣讲团 巾帼宣讲 主题宣讲 政治思想 思想政治 "
              "理论宣讲 三八红旗手 先进典型 榜样 感恩 听党话")),
    Theme("development", "建功发展", _re("发展 建功 振兴 创业 就业 服务大局"), None,
          _re("就业 创业 技能 乡村振兴 巾帼建功 建功立业 就业岗位 "
              "致富 基地 美丽庭院 巧媳妇 手工 电商 巾帼文明岗 培训妇女")),
    Theme("organisation", "组织建设", _re("改革 组织 基层 阵地 建设 网上"), None,
          _re("妇联改革 组织改革 群团改革 "
              "妇联组织 基层组织 妇女之家 儿童之家 妇女微家 微家 阵地 新领域 新就业群体 网上妇联 四组一队 换届")),
    Theme("planning", "规划实施", _re("规划 纲要 儿童友好 两纲"), None,
          _re("规划 两纲 纲要 监测 儿童友好 发展规划 评估")),
    Theme("party", "党建与作风", _re("党建 从严治党 作风 廉政 党的建设 意识形态"), None,
          _re("党建 从严治党 党风廉政 民主集中制 书记项目 作风建设 纪检 党支部 意识形态 "
              "一岗双责 三会一课 廉政 述职述廉 民主生活会")),
    Theme("volunteer", "志愿服务", _re("志愿"), None,
          _re("志愿服务 志愿服务队 志愿者 志愿活动 公益")),
    # The work areas of a government or a department (《法治政府建设实施纲要》): never a federation's.
    Theme("functions", "依法履职", _re("履行政府职能 履行职能 放管服 营商环境 机构改革 职能转变 行政审批"), None,
          _re("机构改革 三定 事业单位 行政审批 审批 许可 放管服 营商环境 权责清单 减证便民 "
              "证明事项 一网通办 政务服务 涉改")),
    Theme("decision", "依法决策", _re("决策 立法 规范性文件 合法性审查 法律顾问 制度建设"), None,
          _re("重大行政决策 决策 合法性审查 规范性文件 法律顾问 公职律师 立法 备案审查 集体讨论 听证")),
    Theme("enforcement", "严格执法", _re("执法"), None,
          _re("行政执法 执法 三项制度 执法公示 全过程记录 法制审核 行政处罚 行政检查 执法证 执法人员 执法规范化")),
    Theme("supervision", "权力监督", _re("监督 政务公开 复议 应诉 制约"), None,
          _re("监督 政务公开 信息公开 行政复议 行政应诉 出庭应诉 人大代表建议 政协委员提案 审计 问责")),
    Theme("economy", "经济发展", _re("经济 产业 项目 招商 招引 营收 投资 城乡 共富 活力"), None,
          _re("财政收入 财政总收入 公共预算收入 "
              "营收 投资 项目 招引 招商 企业 税收 土地 产业 消费 旅游 文旅 亩均 收储 复垦 孵化 贷款 夜市")),
]
THEME = {t.key: t for t in THEMES}


@lru_cache(maxsize=8192)
def heading_theme(heading: str) -> str:
    """The theme a heading names ('' when none does). The earliest word decides, a longer word
    winning at the same place: "（四）强化矛盾纠纷化解，筑牢安全稳定防线" is 维权 whatever
    follows, and "健全普法责任制" is 工作机制, not 普法宣传."""
    best, score = "", float("inf")
    for theme in THEMES:
        for m in theme.heading_words.finditer(heading):
            value = m.start() - 0.5 * len(m.group(0))
            if value < score:
                best, score = theme.key, value
    if not best:  # 机制/制度 name a theme only when nothing more specific does: 健全维权联动机制 is 维权
        best = next((t.key for t in THEMES if t.weak_words and t.weak_words.search(heading)), "")
    return best


LAW_TITLE = re.compile(r"《[^》]{1,30}》")
MODEL_NAME = re.compile(r"(?:民主法治|学法用法|法治)[\u4e00-\u9fff]{0,4}示范(?:户|村|社区|点|单位|基地|街道|乡镇)")
"""民主法治示范村, 学法用法示范户: a model to create, named by what it is a model of."""


def text_scores(text: str) -> dict[str, float]:
    """How many of each theme's words a sentence holds. A law's title says what was taught, not
    the work area: 《反家庭暴力法》宣讲 is 普法宣传, not 维权; and a model's name says what it is a
    model of, not the work (学法用法示范户 are 法治示范 creation, not 学法)."""
    text = MODEL_NAME.sub("法治示范创建", LAW_TITLE.sub("", text))
    scores = {}
    for theme in THEMES:
        form = FORMS.get(theme.key)
        hits = len(theme.text_words.findall(text)) + (len(form.findall(text)) if form else 0)
        if hits:
            scores[theme.key] = float(hits)
    if WOMEN_TRAINED.search(text) and not CADRES.search(text):  # 妇女参与培训: their skills, not a 普法 team's
        scores.pop("team", None)  # what they were taught (短视频+直播) does not outweigh who was taught
        scores["development"] = max(scores.values(), default=0.0) + 1
    return scores


WOMEN_TRAINED = re.compile(r"(?:妇女|女性|女农民|姐妹|群众)[^，。；,;]{0,10}(?:参与|参加|接受|完成)培训"
                           r"|培训[^，。；,;]{0,4}(?:妇女|女性|女农民)")
CADRES = re.compile(r"干部|执委|骨干|讲师|志愿者|网格员|调解员|工作者|法律明白人")
"""Who was trained decides what the training was: women (妇女参与培训, 培训妇女420人次) learn skills for
work and life (建功发展); cadres, 执委 and 志愿者 are a team being built (队伍建设)."""


FORMS = {key: _re(words) for key, words in {
    "media": "短视频 直播 推文 公众号 小程序 网上竞赛 线上竞赛 云课堂",
    "team": "培训班 师资培训 陪审员 法律明白人 讲师团 骨干培训 能力提升培训 "
            "(?:干部|执委|骨干)的?(?:教育)?培训",
    "rights": "排查 (?<!协)调解 信访 保护令 告诫书 热线 接访",
    "care": "慰问 救助 资助 助学金 帮帮团 民生实事",
    "study": "会前学法 中心组 学法考试 主题党日 党课 "
             "(?:干部|干部职工|公职人员|工作人员)[^，。；,;]{0,6}(?:法治|法律)(?:培训|学习|知识)",
    "publicity": "宣讲 讲座 宣传资料 宣传手册 彩页",
    "ideology": "主题宣讲 宣讲团 理论宣讲 心向党 重要论述",
    "mechanism": "履职评议 中期评估 责任清单",
    "development": "技能培训 (?:直播|电商|短视频|手工|家政)[^，。；,;]{0,8}培训",
}.items()}
"""What was done (a video, a training class, a visit) counts twice: it decides the work area more
than what the work was about (拍摄反家暴短视频 is 新媒体普法, not 维权)."""


def text_theme(text: str) -> str:
    scores = text_scores(text)
    return max(scores, key=lambda k: (scores[k], -list(THEME).index(k))) if scores else ""

