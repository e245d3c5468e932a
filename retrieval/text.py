"""Chinese text helpers shared by the index: words (jieba), sentences, particulars (names, places, brands)."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from pathlib import Path

import jieba
import jieba.posseg as pseg

from .errors import RetrievalError, storage_reason

jieba.setLogLevel(logging.WARNING)
log = logging.getLogger("reportdraft.text")
_init_lock = threading.Lock()
_initialised = False

STOPWORDS = set("的 了 和 与 及 等 在 对 为 以 将 是 把 被 由 从 向 于 中 上 下 也 并 或 其 之 "
                "一 各 个 这 那 有 我 我们 开展 进行 工作 加强 进一步".split())
WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
SENTENCE_END = re.compile(r"(?<=[。！？；])")
SURNAMES = set("张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡杜叶程"
               "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
               "郝龚邵万严覃武戴莫孔向汤阚")
TITLE_CUE = re.compile(r"(主席|书记|主任|老师|律师|同志|网红|签发人[:：]?|咨询师|讲师|队长|局长|部长|会长|院长|校长|代表)")
FAMOUS = {"雷锋", "习近平", "毛泽东", "邓小平"}
PLACE_SUFFIX = re.compile(r"^(.{2,6}?)(市|县|区|镇|乡|州|旗)$")
NOT_PLACES = {"治区", "治县", "治市", "各乡镇", "驻市", "全市", "全县", "全区", "城区", "社区", "辖区", "本市"}
BRAND_SUFFIX = re.compile(r"(工作室|驿站|妈|姐|丹丹|小屋|品牌|讲堂|说事|赶场)$")
QUOTED = re.compile(r"[“\"]([^”\"]{2,12})[”\"]")


def init_jieba(cache_dir: Path | None = None) -> None:
    """Load jieba's dictionary once per process. jieba is one global, so its cache directory is
    too: the shell calls this first with the data directory; later calls only make sure it is
    loaded."""
    global _initialised
    with _init_lock:
        if _initialised:
            return
        if cache_dir is not None:
            try:
                cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RetrievalError(f"无法创建分词缓存目录 {cache_dir}：{storage_reason(exc)}。") from None
            jieba.dt.tmp_dir = str(cache_dir)
        load_dictionary(jieba.dt)
        _initialised = True


class _TrackedTempfile:
    """Stands in for the tempfile module inside jieba: remembers the temporary files it makes."""

    def __init__(self) -> None:
        self.made: list[str] = []

    def gettempdir(self) -> str:
        return tempfile.gettempdir()

    def mkstemp(self, *args, **kwargs):
        fd, name = tempfile.mkstemp(*args, **kwargs)
        self.made.append(name)
        return fd, name


def load_dictionary(tokenizer: jieba.Tokenizer) -> None:
    """tokenizer.initialize(), minus two habits: when writing its cache fails (a full disk) jieba
    logs a traceback and leaves its half-written temporary file behind. Here the file is removed
    and one line is logged; jieba works without its cache."""
    tracked = _TrackedTempfile()
    quiet = jieba.default_logger.level
    jieba.tempfile = tracked
    jieba.default_logger.setLevel(logging.CRITICAL)
    try:
        tokenizer.initialize()
    finally:
        jieba.tempfile = tempfile
        jieba.default_logger.setLevel(quiet)
        for name in tracked.made:
            if os.path.exists(name):
                os.unlink(name)
                log.warning("无法写入分词缓存（%s 所在磁盘已满或不可写），已删除临时文件；分词照常进行。", name)


def words(text: str, tokens: list[str] | None = None) -> list[str]:
    """Content words for lexical ranking: jieba tokens without punctuation and stopwords."""
    init_jieba()
    return [w for w in (tokens if tokens is not None else jieba.lcut(text))
            if WORD_RE.search(w) and w not in STOPWORDS]


def tokens(text: str) -> list[str]:
    """All jieba tokens, punctuation included (they concatenate back to the text)."""
    init_jieba()
    return jieba.lcut(text)


def sentences(text: str) -> list[str]:
    """Split on 。！？； keeping the punctuation; blank pieces dropped."""
    return [s.strip() for s in SENTENCE_END.split(text.replace("\n", "")) if s.strip()]


def find_particulars(text: str, tokens: list[str] | None = None) -> set[str]:
    """People, places and local brands named in a text (conservative: better one too many).

    Uses plain segmentation (5x faster than POS tagging): a person is a 2–3 character word
    the dictionary does not know that starts with a surname (jieba's HMM found it); a place is
    a word ending in 市/县/区/镇/乡/州/旗 that the dictionary tags as a place or does not know.
    """
    init_jieba()
    tags = pseg.dt.word_tag_tab
    found: set[str] = set()
    offset = 0
    for word in tokens if tokens is not None else jieba.lcut(text):
        start, offset = offset, offset + len(word)
        known = jieba.dt.FREQ.get(word)
        if 2 <= len(word) <= 3 and word[0] in SURNAMES and not known and word not in FAMOUS:
            # 张贴, 高素质 are dictionary words; a name comes with a title: 主席张秀红, 李晓文老师.
            if TITLE_CUE.search(text[max(0, start - 6):start]) or TITLE_CUE.match(text, offset):
                found.add(word)
            continue
        m = PLACE_SUFFIX.match(word)
        if m and word not in NOT_PLACES and not word.endswith("地区") and (tags.get(word) == "ns" or not known):
            found.update({word, m.group(1)})
    for quoted in QUOTED.findall(text):
        if BRAND_SUFFIX.search(quoted) or any(p in quoted for p in found):
            found.add(quoted)
    return found
