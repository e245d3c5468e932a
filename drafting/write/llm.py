"""The LLM writer: any OpenAI-compatible chat model writes a section from the facts and the
retrieved examples. The answer (streamed by model_call.py, tidied of chat and Markdown) has its
rewritten figures put back, then is checked and sent back for repair up to twice. An answer that
still holds a wrong figure, another federation's name or prompt residue is never shown: the offline
text is, flagged, and the answer is kept in Section.attempt.

One deadline per section counts every attempt and repair, streaming included. The API key is never
put into a message, a flag or a log line.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from drafting.domain.findings import Finding
from drafting.domain.meta import period_end
from drafting.domain.types import Section
from drafting.domain.wording import fill
from lexicon.roles import Role

from .base import DraftContext, Emit, SectionWriter
from .borrow import examples, to_source
from .briefing import prompt_profile, quoted_examples, section_plan
from .figure_repair import repair_figures
from .items import fact_clause
from .model_call import KeyRefused, ModelConfig, ModelFault, StreamedChat
from .offline import OfflineComposer
from .prompts import render
from .tidy import visible
from .tokens import trim_to_budget
from .validate import answer_problems, check_section, model_failed, model_rejected

log = logging.getLogger("reportdraft.llm")
EXAMPLE_BUDGET = 1200
REPAIR_ROUNDS = 2


class LLMWriter(SectionWriter):
    name = "llm"

    def __init__(self, config: ModelConfig, fallback: SectionWriter | None = None) -> None:
        self.config = config
        self.label = config.model
        self.fallback = fallback or OfflineComposer()
        self.model = StreamedChat(config)

    # -- the section ----------------------------------------------------------------------
    def write(self, section: Section, ctx: DraftContext, instruction: str = "",
              emit: Emit | None = None) -> Section:
        if section.role == Role.PREAMBLE:
            # The preamble is formulaic and date-bound: the offline composer gets it right every time.
            return self.fallback.write(section, ctx, emit=emit)
        facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
        passages = examples(ctx, section.role, section.heading + " " + " ".join(f.text for f in facts))
        sample = trim_to_budget([p.text for p in passages], EXAMPLE_BUDGET, self.config.cache_dir)
        messages = [("system", self._system(ctx)), ("human", self._request(section, ctx, facts, sample, instruction))]
        section = replace(section, sources=[to_source(p) for p in passages[:len(sample)]])  # what may support a claim
        deadline = time.monotonic() + self.config.deadline
        best: tuple[str, list[Finding]] = ("", [])
        try:
            if ctx.key_refused:  # the key was refused for another section of this draft
                raise KeyRefused("密钥被拒绝，本稿未再调用大模型，请检查 OPENAI_API_KEY")
            text, problems = self._checked(self.model.complete(messages, emit, ctx, deadline, section.heading),
                                           section, facts, ctx)
            best = (text, problems)
            for _ in range(REPAIR_ROUNDS):
                if not problems:
                    break
                messages += [("ai", text), ("human", render("repair", facts=self._facts(facts), text=text,
                                                            problems="\n".join(f"- {p.message}" for p in problems)))]
                text, problems = self._checked(self.model.complete(messages, emit, ctx, deadline, section.heading),
                                               section, facts, ctx)
                best = (text, problems) if _weight(problems) <= _weight(best[1]) else best
        except ModelFault as fault:
            ctx.spend(fallbacks=1)
            log.warning("section %s: model fault, offline fallback: %s", section.id, fault)
            offline = self.fallback.write(section, ctx, emit=emit)
            return replace(offline, attempt=best[0], flags=[model_failed(section.id, str(fault))])
        text, problems = best
        if any(p.blocking for p in problems):
            return self._offline_instead(section, ctx, text, problems, emit)
        # the model's text is shown: no other attempt to offer
        return replace(section, text=text, sources=section.sources[:4], flags=problems, attempt="")

    def _checked(self, text: str, section: Section, facts, ctx: DraftContext) -> tuple[str, list[Finding]]:
        """The answer cleaned of hidden characters, its rewritten figures put back (8万多册 → 8万余册),
        and what is still wrong."""
        text, hidden = visible(text)
        text, rewrites = repair_figures(text, facts)
        if rewrites:
            ctx.spend(figures_restored=len(rewrites))
        return text, check_section(text, section, ctx) + answer_problems(text, facts, hidden, section.id)

    def _offline_instead(self, section: Section, ctx: DraftContext, attempt: str, problems: list[Finding],
                         emit: Emit | None) -> Section:
        """The model could not get it right: the offline text is shown, the model's best attempt is kept."""
        ctx.spend(rejected=1)
        log.warning("section %s: model answer still wrong after repair, offline text shown", section.id)
        offline = self.fallback.write(section, ctx, emit=emit)
        reasons = "；".join(p.message for p in problems if p.blocking)
        return replace(offline, attempt=attempt, flags=[model_rejected(section.id, REPAIR_ROUNDS, reasons)])

    def _system(self, ctx: DraftContext) -> str:
        return render("system", org=ctx.meta.org, title=ctx.meta.title, profile=prompt_profile(ctx),
                      written=ctx.meta.date or f"未定（按{period_end(ctx.meta).isoformat()}之前的提法）",
                      guiding=fill("{guiding}", ctx.meta))

    @staticmethod
    def _facts(facts) -> str:
        return "\n".join(f"{f.id}：{fact_clause(f)}" for f in facts) or "（本部分没有用户提供的事实，不得写任何数字）"

    def _request(self, section: Section, ctx: DraftContext, facts, sample: list[str], instruction: str) -> str:
        from lexicon.roles import role_label

        if instruction.strip() and section.text.strip():
            return render("revision", instruction=instruction.strip()[:200], heading=section.heading,
                          facts=self._facts(facts), text=section.text)
        others = "\n".join(f"- {s.heading}：{'、'.join(s.fact_ids) or '无事实'}" for s in ctx.outline
                           if s.id != section.id and s.role != Role.PREAMBLE)
        return render("section", kind_name=ctx.kind.name, org=ctx.meta.org, short_name=fill("{short}", ctx.meta),
                      period=fill("{period}", ctx.meta), heading=section.heading, role_name=role_label(section.role),
                      plan=section_plan(section, ctx),
                      facts=self._facts(facts), examples=quoted_examples(sample), others=others or "（无）")



def _weight(problems: list[Finding]) -> tuple[int, int]:
    """How bad an answer is: blocking problems first, then all of them."""
    return sum(p.blocking for p in problems), len(problems)
