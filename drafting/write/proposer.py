"""The model proposes candidate facts from one 工作信息 (prompts/material.txt); every proposal is
then built from spans of the item (plan.material.align), so a figure the model invented, changed or
stripped of its qualifier is refused by construction, and said.

One call per item, within the section deadline (the whole-call client), no retries: an item the
model cannot do is done by the offline extractor, which reads every item anyway. After
MAX_FAULTS failures in a row the model is not asked again in this run (a dead endpoint must not
cost a deadline per item)."""

from __future__ import annotations

import logging
import re
import threading

from drafting.domain.kinds import get_kind
from drafting.domain.material import FigureNotInSource, Item
from drafting.domain.types import DraftMeta
from drafting.domain.wording import fill
from drafting.plan.material.align import NotFromSource, align
from drafting.plan.material.proposals import Proposal

from .model_call import ModelConfig, chat_model, describe
from .prompts import render

log = logging.getLogger("reportdraft.material")
MAX_FAULTS = 3
MAX_LINES = 12
"""Proposals read from one answer: an item gives one to three; more is a model run away."""


class ModelProposer:
    """Candidate facts proposed by the configured chat model."""

    def __init__(self, config: ModelConfig) -> None:
        self.config = config
        self.name = config.model
        self.chat = chat_model(config)
        self._faults = 0
        self._lock = threading.Lock()

    def propose(self, item: Item, meta: DraftMeta) -> Proposal:
        with self._lock:
            if self._faults >= MAX_FAULTS:
                return Proposal(fault=f"大模型已连续 {MAX_FAULTS} 次未能回答，本次不再调用")
        prompt = render("material", org=meta.org, year=meta.year, kind_name=get_kind(meta.report_type).name,
                        short_name=fill("{short}", meta), item=item.text)
        try:
            answer = self.chat.invoke([("human", prompt)], timeout=self.config.deadline)
        except Exception as exc:  # openai/httpx errors, the deadline: the offline extractor does this item
            with self._lock:
                self._faults += 1
            log.warning("material %s: model fault: %s", item.id, describe(exc))
            return Proposal(fault=f"大模型未能回答（{describe(exc)}）")
        with self._lock:
            self._faults = 0
        return self._read(item, answer.content if isinstance(answer.content, str) else "")

    def _read(self, item: Item, answer: str) -> Proposal:
        proposal = Proposal()
        lines = [line for line in answer.splitlines() if line.strip() and line.strip() not in ("无", "- 无")]
        for line in lines[:MAX_LINES]:
            try:
                proposal.candidates.append(align(item, line, by=self.name))
            except (NotFromSource, FigureNotInSource) as exc:
                proposal.refused.append(f"“{_short(line)}”：{exc}")
        return proposal


def _short(line: str, limit: int = 40) -> str:
    line = re.sub(r"^\s*[-•·*]\s*", "", line.strip())
    return line if len(line) <= limit else line[:limit - 1] + "…"
