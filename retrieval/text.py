"""Chinese text helpers shared by the index: words (jieba), sentences, particulars (names, places, brands)."""

from __future__ import annotations

import logging
import os
import pickle
import re
import sys
import tempfile
import threading
from pathlib import Path

from lexicon.cues import LEADER
from lexicon.levels import place_stem

_init_lock = threading.Lock()
_jieba = None
"""The jieba module once loaded: imported on first use, so commands that never segment skip it."""
_places: frozenset[str] = frozenset()
"""Words jieba's dictionary tags as places (ns)."""
_verbs: frozenset[str] = frozenset()
"""Words it tags as verbs (v, vd, vi; not the nominal vn): the rest of its tag table we use."""
_cache_dir: Path | None = None
CACHE_NAME = "dictionary.pickle"
CACHE_FORMAT = 2

STOPWORDS = set("的 了 和 与 及 等 在 对 为 以 将 是 把 被 由 从 向 于 中 上 下 也 并 或 其 之 "
                "一 各 个 这 那 有 我 我们 开展 进行 工作 加强 进一步".split())
WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
SENTENCE_END = re.compile(r"(?<=[。！？；])")
SURNAMES = set("张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡杜叶程"
               "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
               "郝龚邵万严覃武戴莫孔向汤阚")
TITLE_CUE = re.compile(f"({LEADER}|老师|律师|同志|网红|签发人[:：]?|咨询师|讲师|队长|部长|会长|院长|校长|代表)")
FAMOUS = {"雷锋", "习近平", "毛泽东", "邓小平"}
BRAND_SUFFIX = re.compile(r"(工作室|驿站|妈|姐|丹丹|小屋|品牌|讲堂|说事|赶场)$")
QUOTED = re.compile(r"[“\"]([^”\"]{2,12})[”\"]")


def init_jieba(cache_dir: Path | None = None) -> None:
    """Say where jieba's prepared dictionary lives (the shell passes the data directory) and,
    when the caller wants it now, nothing more: the dictionary itself loads on first use.
    jieba is one global, so its cache directory is too: the first call with a directory wins."""
    global _cache_dir
    with _init_lock:
        if cache_dir is not None and _cache_dir is None and _jieba is None:
            _cache_dir = Path(cache_dir)


def _segmenter():
    """jieba with its dictionary loaded, once per process.

    jieba's own cache (marshal) takes 0.6–0.8 s to load and its tag table another 0.7 s from
    dict.txt; our cache holds the prefix dictionary and the place words in one pickle that loads
    in about 0.2 s. It is rebuilt whenever jieba or its dictionary changes."""
    global _jieba, _places, _verbs
    if _jieba is not None:
        return _jieba
    with _init_lock:
        if _jieba is None:
            module = _import_jieba()
            _places, _verbs = load_dictionary(module, _cache_dir or Path(tempfile.gettempdir()) / "reportdraft-jieba")
            _jieba = module
    return _jieba


def _import_jieba():
    # jieba's _compat imports pkg_resources (0.13 s, deprecated) only to open its own data files;
    # without it jieba opens them from its package directory. Hidden only for that one import.
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hide:
            sys.modules.pop("pkg_resources", None)
    jieba.setLogLevel(logging.WARNING)
    return jieba


def load_dictionary(jieba, cache_dir: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Fill jieba's prefix dictionary from our cache (or build it and write the cache); the place
    and verb words."""
    dict_file = Path(jieba.__file__).with_name("dict.txt")
    stamp = (CACHE_FORMAT, jieba.__version__, dict_file.stat().st_size, int(dict_file.stat().st_mtime))
    cache = cache_dir / CACHE_NAME
    try:
        with cache.open("rb") as f:
            # Our own file in the user's data directory, written below.
            saved_stamp, freq, total, tagged = pickle.load(f)  # noqa: S301
        if saved_stamp == stamp:
            jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq, total, True
            return tagged
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    freq, total = jieba.dt.gen_pfdict(jieba.dt.get_dict_file())
    jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq, total, True
    tagged = _tagged_words(dict_file)
    write_cache(cache, (stamp, freq, total, tagged))
    return tagged


def _tagged_words(dict_file: Path) -> tuple[frozenset[str], frozenset[str]]:
    places, verbs_ = set(), set()
    with dict_file.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) > 2 and parts[2] == "ns":
                places.add(parts[0])
            elif len(parts) > 2 and parts[2] in ("v", "vd", "vi"):
                verbs_.add(parts[0])
    return frozenset(places), frozenset(verbs_)


def write_cache(cache: Path, payload) -> None:
    """Atomically: a half-written cache is never read (a failed write only costs the next start),
    and never left behind: on a full disk the temporary file would keep the disk full."""
    tmp = ""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".dictionary-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        logging.getLogger("reportdraft.text").warning("分词缓存未能写入（%s），下次启动会重新准备；分词照常进行。",
                                                      exc.strerror or exc)


def words(text: str, tokens: list[str] | None = None) -> list[str]:
    """Content words for lexical ranking: jieba tokens without punctuation and stopwords."""
    return [w for w in (tokens if tokens is not None else _segmenter().lcut(text))
            if WORD_RE.search(w) and w not in STOPWORDS]


def tokens(text: str) -> list[str]:
    """All jieba tokens, punctuation included (they concatenate back to the text)."""
    return _segmenter().lcut(text)


def sentences(text: str) -> list[str]:
    """Split on 。！？； keeping the punctuation; blank pieces dropped."""
    return [s.strip() for s in SENTENCE_END.split(text.replace("\n", "")) if s.strip()]


def find_particulars(text: str, tokens: list[str] | None = None) -> set[str]:
    """People, places and local brands named in a text (conservative: better one too many).

    Uses plain segmentation (5x faster than POS tagging): a person is a 2–3 character word
    the dictionary does not know that starts with a surname (jieba's HMM found it); a place is
    a word ending in 市/县/区/镇/乡/州/旗 that the dictionary tags as a place or does not know.
    """
    jieba = _segmenter()
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
        stem = place_stem(word)
        if stem and (word in _places or not known):
            found.update({word, stem})
    for quoted in QUOTED.findall(text):
        if BRAND_SUFFIX.search(quoted) or any(p in quoted for p in found):
            found.add(quoted)
    return found


def verbs(text: str) -> list[str]:
    """The verbs of a text by the tags of jieba's dictionary (v, vd, vi; not the nominal vn): a
    clause with none says nothing was done ("在县委的领导下", "普法宣传")."""
    return [w for w in _segmenter().lcut(text) if w in _verbs]
