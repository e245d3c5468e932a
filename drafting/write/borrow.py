"""What a section may take from example passages: structure and wording, never particulars.

A borrowed sentence carries no figure, no date, no law title, no quoted brand, no name or place of
another organisation, and claims no result (phrases.CLAIM); its self-reference becomes the user's.
Subheadings are taken from the corpus's generic headings of the same work area.
"""

from __future__ import annotations

import re

from drafting.domain.meta import written_on
from drafting.domain.phrases import CLAIM, federation_only
from drafting.domain.themes import heading_theme
from drafting.domain.timeline import fits
from drafting.domain.types import Source
from drafting.domain.wording import words_for
from drafting.plan.placement import bigrams
from lexicon.figures import figure_spans, masked_values
from lexicon.levels import PEER_PARTY, PEER_PREFIX, PLACE_ENDINGS
from lexicon.numbering import ENUMERATOR, SUB
from lexicon.punctuation import full_width
from lexicon.roles import Role
from retrieval.errors import RetrievalError
from retrieval.text import sentences

from .base import DraftContext

UNSAFE = re.compile(r"[0-9０-９*＊《》“”\"「」〔〕（）()]|十[八九]大|二十大|全会|十[三四五]五|妇女十[二三]大|"
                    r"习近平|如下|今年|去年|上半年|下半年|本年|截至|以来|[XＸ×]{2}|同时|此外|其中|另外|"
                    r"我们|我区|我县|我市|该|上述|以下|方面工作")
SELF_REFERENCE = re.compile(f"{PEER_PREFIX}妇联|我会|本会")
FRAMING = re.compile(r"高度重视|始终|坚持|围绕|立足|着力|切实|充分发挥|紧扣|聚焦|注重|把.+作为")
ACTIVITY = re.compile(r"举办|召开|聘请|拍摄|邀请|参加|培训班|走访|发放|推送|发布|评选|慰问|成立|制定|印发")


def examples(ctx: DraftContext, role: str, query: str, k: int = 6) -> list:
    """Example passages for a section: this kind's first, then the other kinds'."""
    if ctx.index is None:
        return []
    try:
        same_kind = ctx.index.search(query, role=role, report_type=ctx.kind.key, k=k,
                                     exclude_docs=ctx.exclude_docs, prefer_org=ctx.meta.org, per_doc=2)
        if len(same_kind) >= 3:
            return same_kind
        others = ctx.index.search(query, role=role, k=k, exclude_docs=ctx.exclude_docs,
                                  prefer_org=ctx.meta.org, per_doc=2)
        have = {p.chunk_id for p in same_kind}
        return same_kind + [p for p in others if p.chunk_id not in have][: k - len(same_kind)]
    except RetrievalError:  # a failing index must not stop the draft: the section is written without examples
        return []


def to_source(passage) -> Source:
    return Source(doc=passage.doc, title=passage.title, heading=passage.heading,
                  chunk_id=passage.chunk_id, text=passage.text)


def localise(sentence: str, ctx: DraftContext) -> str:
    """Another organisation's self-reference becomes ours: 县妇联 → 区妇联, 全县 → 全区, 县委 → 区委."""
    words = words_for(ctx.meta)
    sentence = SELF_REFERENCE.sub(words["short"], full_width(sentence))
    sentence = re.sub(f"全[{PLACE_ENDINGS}](?=[^级])", words["area"], sentence)
    return re.sub(r"(?<![A-Za-z\u4e00-\u9fff])" + PEER_PARTY, words["party"], sentence)


def reusable(sentence: str, ctx: DraftContext) -> bool:
    """Whether an example sentence may be borrowed: wording only, no particulars, no claims."""
    body = ENUMERATOR.sub("", sentence).strip()
    return (12 <= len(body) <= 70 and not UNSAFE.search(body) and not figure_spans(body)
            and not masked_values(body) and ctx.guard.clean(body) and "：" not in body[:-1]
            and not CLAIM.search(body) and (ctx.profile.federation or not federation_only(body))
            and fits(body, written_on(ctx.meta)))


def framing_sentence(passages, ctx: DraftContext, unlike: str = "", skip: int = 0) -> tuple[str, list]:
    """One framing sentence (how the work is approached, not what it did) from the passages, not
    used elsewhere in this draft, and not too like the section's own opening."""
    candidates = []
    for passage in passages:
        for sentence in sentences(passage.text):
            if (SUB.match(sentence) or not FRAMING.search(sentence) or ACTIVITY.search(sentence)
                    or sentence.count("，") > 1):  # a list of practices is a claim, not a frame
                continue
            if reusable(sentence, ctx):
                candidates.append((ENUMERATOR.sub("", sentence).strip().rstrip("。；"), passage))
    for text, passage in candidates[skip:] + candidates[:skip]:
        text = localise(text, ctx)
        if (unlike and overlap(text, unlike) >= 0.35) or not ctx.claim(text):
            continue
        return text + "。", [passage]
    return "", []


def corpus_subheadings(ctx: DraftContext, theme: str, query: str) -> list[tuple[str, object]]:
    """Generic （一） headings of earlier reports about `theme`: four-and-four phrases with no
    particulars, figures or quotes, nearest first."""
    found: list[tuple[str, object]] = []
    for passage in examples(ctx, Role.MEASURES, query, k=10):
        for sentence in sentences(passage.text):
            m = SUB.match(sentence)
            if not m:
                continue
            heading = m.group(2).rstrip("。")
            # Every half names this area or none: 加强组织领导，保障普法依法治理工作有序开展 asserts 普法 too.
            if (all(heading_theme(half) in ("", theme) for half in heading.split("，"))
                    and heading_theme(heading) == theme and 8 <= len(heading) <= 22 and "，" in heading
                    and not UNSAFE.search(heading) and not figure_spans(heading) and ctx.guard.clean(heading)
                    and (ctx.profile.federation or not federation_only(heading))):
                found.append((full_width(heading), passage))
    return list({h: (h, p) for h, p in found}.values())


def overlap(a: str, b: str) -> float:
    """Share of character bigrams two sentences have in common (0 = unrelated, 1 = the same)."""
    ga, gb = bigrams(a), bigrams(b)
    return len(ga & gb) / max(1, min(len(ga), len(gb)))
