"""The offline composer: a house-style section from templates, example passages and the facts.

Facts are woven in verbatim (figures exactly as written, each followed by its 【F3】 marker);
sentences borrowed from examples carry no figure, no date, no law title, no quoted brand and no
particular of another federation, and their self-references are rewritten to the user's own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.domain.kinds import SectionSpec
from drafting.domain.types import Fact, Section, Source
from drafting.domain.wording import fill, words_for
from drafting.plan.outline import best_topic
from retrieval.figures import figure_spans, masked_values
from retrieval.patterns import ENUMERATOR, SUB, ordinal
from retrieval.text import sentences

from .base import DraftContext, Emit, SectionWriter

UNSAFE = re.compile(r"[0-9０-９*＊《》“”\"「」〔〕]|十[八九]大|二十大|全会|十[三四五]五|妇女十[二三]大|"
                    r"习近平|如下|今年|去年|上半年|下半年|本年|截至|以来|[XＸ×]{2}|同时|此外|其中|另外|"
                    r"我们|我区|我县|我市|该|上述|以下|方面工作")
SELF_REFERENCE = re.compile(r"[县区市旗]妇联|我会|本会")


def fact_clause(fact: Fact) -> str:
    """The fact as a clause: figures untouched, each followed by 【Fn】; end punctuation removed."""
    text = fact.text.strip().rstrip("。；;，,、 ")
    marker = f"【{fact.id}】"
    spans = figure_spans(text)
    if not spans:
        return text + marker
    out, cursor = [], 0
    for _, end, _ in spans:
        out.append(text[cursor:end] + marker)
        cursor = end
    out.append(text[cursor:])
    return "".join(out).replace("。", "，")


def enumerate_items(items: list[str]) -> str:
    """一是…；二是…；三是…。 (a single item stands alone)."""
    items = [i.rstrip("。；;，,") for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0] + "。"
    return "；".join(f"{ordinal(n)}是{item}" for n, item in enumerate(items, 1)) + "。"


def localise(sentence: str, ctx: DraftContext) -> str:
    """Another federation's self-reference becomes ours: 县妇联 → 区妇联, 全县 → 全区, 县委 → 区委."""
    words = words_for(ctx.meta)
    sentence = SELF_REFERENCE.sub(words["short"], sentence)
    sentence = re.sub(r"全[县区市旗](?=[^级])", words["area"], sentence)
    return re.sub(r"(?<![A-Za-z\u4e00-\u9fff])[县区市]委", words["party"], sentence)


def reusable(sentence: str, ctx: DraftContext) -> bool:
    """Whether an example sentence may be borrowed: structure and wording only, no particulars."""
    body = ENUMERATOR.sub("", sentence).strip()
    return (12 <= len(body) <= 90 and not UNSAFE.search(body) and not figure_spans(body)
            and not masked_values(body) and ctx.guard.clean(body) and "：" not in body[:-1])


FRAMING = re.compile(r"高度重视|始终|坚持|围绕|立足|着力|切实|不断|充分发挥|紧扣|聚焦|注重|把.+作为")
ACTIVITY = re.compile(r"举办|召开|聘请|拍摄|邀请|参加|培训班|走访|发放|推送|发布|评选|慰问|成立|制定|印发")


def borrow(passages, ctx: DraftContext, limit: int, skip: int = 0, framing_only: bool = False,
           unlike: str = "") -> tuple[list[str], list]:
    """Up to `limit` reusable sentences from the passages (enumerators stripped), and their passages.
    A sentence too close to `unlike` (the section's own opening) is passed over, not claimed."""
    picked, used, seen = [], [], set()
    candidates = []
    for passage in passages:
        for sentence in sentences(passage.text):
            if SUB.match(sentence):
                continue  # an example's subheading, not a sentence of prose
            if framing_only and (not FRAMING.search(sentence) or ACTIVITY.search(sentence)):
                continue
            if reusable(sentence, ctx):
                candidates.append((ENUMERATOR.sub("", sentence).strip().rstrip("。；"), passage))
    for text, passage in candidates[skip:] + candidates[:skip]:
        text = localise(text, ctx)
        if text in seen or (unlike and _overlap(text, unlike) >= 0.35) or not ctx.claim(text):
            continue
        seen.add(text)
        picked.append(text)
        if passage not in used:
            used.append(passage)
        if len(picked) == limit:
            break
    return picked, used


def _overlap(a: str, b: str) -> float:
    """Share of character bigrams two sentences have in common (0 = unrelated, 1 = the same)."""
    ga, gb = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    return len(ga & gb) / max(1, min(len(ga), len(gb)))


def examples(ctx: DraftContext, role: str, query: str, k: int = 6):
    if ctx.index is None:
        return []
    try:
        same_kind = ctx.index.search(query, role=role, report_type=ctx.kind.key, k=k,
                                     exclude_docs=ctx.exclude_docs, prefer_org=ctx.meta.org, per_doc=2)
        if len(same_kind) >= 3:
            return same_kind
        # Too few reports of this kind: borrow from the other kinds too, after our own kind's.
        others = ctx.index.search(query, role=role, k=k, exclude_docs=ctx.exclude_docs,
                                  prefer_org=ctx.meta.org, per_doc=2)
        have = {p.chunk_id for p in same_kind}
        return same_kind + [p for p in others if p.chunk_id not in have][: k - len(same_kind)]
    except Exception:  # a failing index must not stop the draft: the section is written without examples
        return []


def to_source(passage) -> Source:
    return Source(doc=passage.doc, title=passage.title, heading=passage.heading,
                  chunk_id=passage.chunk_id, text=passage.text)


class OfflineComposer(SectionWriter):
    """Writes every section without a model; `section.variant` picks other templates and examples."""

    name = "offline"

    def write(self, section: Section, ctx: DraftContext, instruction: str = "",
              emit: Emit | None = None) -> Section:
        facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
        if section.role == "preamble":
            text, used = self._preamble(section, ctx), []
        else:
            spec = self._spec(section, ctx)
            text, used = self._body(section, spec, facts, ctx)
        result = replace(section, text=text, sources=[to_source(p) for p in used][:4], flags=[])
        if emit:
            emit(text)
        return result

    def _spec(self, section: Section, ctx: DraftContext) -> SectionSpec:
        same_role = [s for s in ctx.kind.sections if s.role == section.role]
        for spec in same_role:
            if any(fill(h, ctx.meta) == section.heading for h in spec.headings):
                return spec
        return same_role[0] if same_role else SectionSpec("custom", section.role, (section.heading,), False)

    def _preamble(self, section: Section, ctx: DraftContext) -> str:
        meta, kind, w = ctx.meta, ctx.kind, words_for(ctx.meta)
        lead = {
            "fazhi": [f"{meta.year}年，{w['short']}在{w['party_gov']}的坚强领导下，在{w['superior']}的精心指导下，"
                      f"{w['ideology']}，{w['guiding']}，认真落实{w['rule_of_law']}各项部署，以依法维护妇女儿童合法权益为主线，"
                      "扎实推进法治建设各项工作。",
                      f"{meta.year}年，{w['short']}{w['ideology']}，{w['guiding']}，紧紧围绕{w['party_gov']}中心工作，"
                      "立足家庭、面向社会，把法治建设与妇联业务工作同谋划、同部署、同推进，各项工作取得积极成效。"],
            "pufa": [f"{meta.year}年，在{w['party']}的坚强领导下，在{w['superior']}的正确指导下，{w['short']}{w['ideology']}，"
                     f"{w['guiding']}，认真落实“谁执法谁普法”普法责任制，团结带领广大妇女群众尊法学法守法用法。",
                     f"{meta.year}年，{w['short']}{w['ideology']}，{w['guiding']}，突出重点、主动作为，推动普法工作与妇联工作深度融合。"],
            "zongjie": [f"{w['period']}，{w['short']}{w['ideology']}，{w['guiding']}，充分发挥党和政府联系妇女群众的桥梁纽带作用，"
                        "团结引领广大妇女在推动高质量发展中建功立业。"],
        }[kind.key]
        return lead[section.variant % len(lead)] + fill(kind.report_line, meta)

    def _body(self, section: Section, spec: SectionSpec, facts: list[Fact], ctx: DraftContext):
        v = section.variant
        query = section.heading + " " + " ".join(f.text for f in facts)
        passages = examples(ctx, section.role, query)
        paragraphs: list[str] = []
        opening = fill(spec.openings[v % len(spec.openings)], ctx.meta) if spec.openings else ""
        used = []
        if section.role == "measures":
            # Only framing sentences: an example's concrete activity would be a claim the user never made.
            borrowed, used = borrow(passages, ctx, 1, skip=v, framing_only=True, unlike=opening)
            lead = opening + (borrowed[0] + "。" if borrowed else "")
            paragraphs += self._measures(spec, facts, lead, ctx)
        elif section.role in ("shortcomings", "plans", "first_responsible"):
            items = [fact_clause(f) for f in facts]
            if not facts:
                borrowed, used = borrow(passages, ctx, 3, skip=v)
                items = self._standard_items(section.role, ctx) [:1] + borrowed
                items += self._standard_items(section.role, ctx)[1:max(1, 4 - len(items))]
            elif section.role == "plans":
                items = self._standard_items("plans", ctx)[:1] + items
            paragraphs.append(opening + enumerate_items(items))
        else:
            paragraphs.append(opening + enumerate_items([fact_clause(f) for f in facts]))
        if spec.closings:
            paragraphs[-1] += fill(spec.closings[v % len(spec.closings)], ctx.meta)
        if not used:
            used = passages[:2]
        return "\n".join(p for p in paragraphs if p), used

    def _measures(self, spec: SectionSpec, facts: list[Fact], lead: str, ctx: DraftContext) -> list[str]:
        derived: dict[str, list[Fact]] = {}
        for f in facts:
            if f.derived:
                derived.setdefault(f.derived.get("from"), []).append(f)
        facts = [f for f in facts if not (f.derived and f.derived.get("from") in {g.id for g in facts})]

        def clause(fact: Fact) -> str:
            plan = ctx.plan_answers.get(fact.id)  # answers last year's plan: say so
            text = (f"落实上年度“{plan}”的安排，" if plan else "") + fact_clause(fact)
            for comparison in derived.get(fact.id, []):  # accepted comparisons follow their figure
                text += "，" + fact_clause(comparison)
            return text

        if len(facts) < 4 or len(spec.topics) < 2:
            return [lead + enumerate_items([clause(f) for f in facts])]
        groups: dict[int, list[Fact]] = {}
        for fact in facts:
            groups.setdefault(best_topic(spec, fact), []).append(fact)
        if len(groups) < 2:
            return [lead + enumerate_items([clause(f) for f in facts])]
        paragraphs = [lead] if lead else []
        for n, topic_index in enumerate(sorted(groups), 1):
            heading = spec.topics[topic_index].heading
            paragraphs.append(f"（{ordinal(n)}）{heading}。"
                              + enumerate_items([clause(f) for f in groups[topic_index]]))
        return paragraphs

    def _standard_items(self, role: str, ctx: DraftContext) -> list[str]:
        """Items every federation can say, right for the writing date; used when the user gave none."""
        w = words_for(ctx.meta)
        return {
            "first_responsible": [
                f"带头尊法学法守法用法，把学习贯彻{w['study']}作为党组理论学习中心组学习的重要内容",
                f"把法治建设纳入{w['short']}年度工作要点，与妇联业务工作同谋划、同部署、同推进、同考核",
                "严格落实重大事项集体决策制度，坚持依法依规决策，自觉接受监督",
            ],
            "shortcomings": [
                "普法宣传的覆盖面和针对性还需进一步提高，偏远地区妇女群众的法治意识有待增强",
                "基层妇联干部运用法治思维和法治方式开展工作的能力还需提升",
                "维权工作专业力量相对薄弱，婚姻家庭纠纷调解的专业化水平有待提高",
            ],
            "plans": [
                f"深入学习贯彻{w['congress']}和{w['study']}，持续抓好领导干部学法用法",
                f"以{w['laws']}等法律法规为重点，针对不同群体开展形式多样的普法宣传",
                "加强婚姻家庭纠纷排查化解和妇女儿童维权服务，把矛盾纠纷化解在基层",
            ],
        }[role]
