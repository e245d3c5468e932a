"""The LLM writer: any OpenAI-compatible chat model writes a section from the facts and the
retrieved examples; the section is checked, repaired up to twice, and flagged if still wrong.

Model faults (timeout, 429, 5xx, refused connection, empty or malformed output, a stream cut
off) are retried; then the section falls back to the offline composer, flagged. A draft is
always delivered. The API key is never put into a message, a flag or a log line.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import replace

from .compose import OfflineComposer, examples, fact_clause, to_source
from .interfaces import DraftContext, Emit, SectionWriter
from .kinds import fill
from .model import Section
from .prompts import render
from .tokens import count_tokens, trim_to_budget
from .validate import section_problems

log = logging.getLogger("reportdraft.llm")
ROLE_NAMES = {"preamble": "导语", "measures": "主要举措和成效", "first_responsible": "主要负责人履行第一责任人职责情况",
              "shortcomings": "存在的不足和原因", "plans": "下一步工作安排", "highlights": "工作亮点", "other": "其他情况"}
EXAMPLE_BUDGET = 1200
REPAIR_ROUNDS = 2


class ModelFault(Exception):
    """The model could not give a usable answer; the message is safe to show (no key, no URL)."""


class LLMWriter(SectionWriter):
    name = "llm"

    def __init__(self, settings, fallback: SectionWriter | None = None) -> None:
        from openai import OpenAI

        self.settings = settings
        self.label = settings.model
        self.fallback = fallback or OfflineComposer()
        self.client = OpenAI(base_url=settings.openai_base_url or None,
                             api_key=settings.openai_api_key or "not-needed",
                             timeout=settings.timeout, max_retries=settings.max_retries)
        self.usage = {"prompt_tokens": 0, "completion_tokens": 0, "calls": 0, "failures": 0, "fallbacks": 0}
        self._lock = threading.Lock()
        self.cache_dir = settings.data_dir / "tiktoken"

    # -- the section ----------------------------------------------------------------------
    def write(self, section: Section, ctx: DraftContext, instruction: str = "",
              emit: Emit | None = None) -> Section:
        if section.role == "preamble":
            # The preamble is formulaic and year-bound: the offline composer gets it right every time.
            return self.fallback.write(section, ctx, emit=emit)
        facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
        passages = examples(ctx, section.role, section.heading + " " + " ".join(f.text for f in facts))
        sample = trim_to_budget([p.text for p in passages], EXAMPLE_BUDGET, self.cache_dir)
        messages = [{"role": "system", "content": self._system(ctx)},
                    {"role": "user", "content": self._request(section, ctx, facts, sample, instruction)}]
        try:
            text = self._complete(messages, emit)
            problems = section_problems(text, section, ctx)
            for _ in range(REPAIR_ROUNDS):
                if not problems:
                    break
                messages += [{"role": "assistant", "content": text},
                             {"role": "user", "content": render("repair", problems="\n".join(f"- {p}" for p in problems),
                                                                facts=self._facts(facts), text=text)}]
                text = self._complete(messages, emit)
                problems = section_problems(text, section, ctx)
        except ModelFault as fault:
            with self._lock:
                self.usage["fallbacks"] += 1
            log.warning("section %s: model fault, offline fallback: %s", section.id, fault)
            offline = self.fallback.write(section, ctx, emit=emit)
            return replace(offline, flags=[f"大模型未能完成本部分（{fault}），已改用离线起草，请核对。"])
        flags = [f"核对未通过：{p}" for p in problems]
        return replace(section, text=text, sources=[to_source(p) for p in passages[:len(sample)]][:4], flags=flags)

    def _system(self, ctx: DraftContext) -> str:
        return render("system", org=ctx.meta.org, title=ctx.meta.title, short_name=fill("{short}", ctx.meta),
                      year=ctx.meta.year, guiding=fill("{guiding}", ctx.meta))

    @staticmethod
    def _facts(facts) -> str:
        return "\n".join(f"{f.id}：{fact_clause(f)}" for f in facts) or "（本部分没有用户提供的事实，不得写任何数字）"

    def _request(self, section: Section, ctx: DraftContext, facts, sample: list[str], instruction: str) -> str:
        if instruction.strip() and section.text.strip():
            return render("revision", instruction=instruction.strip()[:200], heading=section.heading,
                          facts=self._facts(facts), text=section.text)
        others = "\n".join(f"- {s.heading}：{'、'.join(s.fact_ids) or '无事实'}" for s in ctx.outline
                           if s.id != section.id and s.role != "preamble")
        return render("section", kind_name=ctx.kind.name, org=ctx.meta.org, short_name=fill("{short}", ctx.meta),
                      year=ctx.meta.year, heading=section.heading, role_name=ROLE_NAMES.get(section.role, section.role),
                      facts=self._facts(facts), examples="\n\n".join(f"【范例{i}】{t}" for i, t in enumerate(sample, 1))
                      or "（无）", others=others or "（无）")

    # -- one completion, streamed ---------------------------------------------------------
    def _complete(self, messages: list[dict], emit: Emit | None) -> str:
        """Stream one answer; a cut stream or an empty answer is tried once more."""
        last: Exception | None = None
        for attempt in range(2):
            try:
                text, usage = self._stream(messages, emit)
                # Our own count only when the server does not report usage.
                prompt = usage.get("prompt_tokens") or sum(count_tokens(m["content"], self.cache_dir) for m in messages)
                completion = usage.get("completion_tokens") or count_tokens(text, self.cache_dir)
                with self._lock:
                    self.usage["calls"] += 1
                    self.usage["prompt_tokens"] += prompt
                    self.usage["completion_tokens"] += completion
                return text
            except ModelFault as exc:
                last = exc
            except Exception as exc:  # openai/httpx errors after the client's own retries
                last = ModelFault(describe(exc))
            with self._lock:
                self.usage["failures"] += 1
            if attempt == 0:
                time.sleep(0.5)
        raise last or ModelFault("未知错误")

    def _stream(self, messages: list[dict], emit: Emit | None) -> tuple[str, dict]:
        stream = self.client.chat.completions.create(
            model=self.settings.model, messages=messages, temperature=self.settings.temperature,
            stream=True, stream_options={"include_usage": True})
        pieces: list[str] = []
        usage: dict = {}
        finished = False
        for chunk in stream:
            if getattr(chunk, "usage", None):
                usage = {"prompt_tokens": chunk.usage.prompt_tokens, "completion_tokens": chunk.usage.completion_tokens}
            for choice in chunk.choices or []:
                if choice.delta and choice.delta.content:
                    pieces.append(choice.delta.content)
                    if emit:
                        emit(tidy("".join(pieces)))
                if choice.finish_reason:
                    finished = True
        text = tidy("".join(pieces))
        if not finished:
            raise ModelFault("回复中途断开")
        if not text:
            raise ModelFault("模型返回了空内容")
        return text, usage


def tidy(text: str) -> str:
    """Model text to section text: no Markdown, no heading line of its own, one paragraph a line."""
    lines = []
    for line in text.replace("\r", "").split("\n"):
        line = re.sub(r"^#+\s*|\*\*", "", line).strip()
        if not line or (not lines and re.match(r"^[一二三四五六七八九十]+、", line) and len(line) < 40):
            continue
        lines.append(line)
    return "\n".join(lines)


def describe(exc: Exception) -> str:
    """A short, key-free reason for a model failure."""
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return "请求超时"
    if isinstance(exc, openai.RateLimitError):
        return "请求过于频繁（429）"
    if isinstance(exc, openai.AuthenticationError):
        return "密钥无效（401），请检查 OPENAI_API_KEY"
    if isinstance(exc, openai.APIStatusError):
        return f"服务返回错误 {exc.status_code}"
    if isinstance(exc, openai.APIConnectionError):
        return "无法连接模型服务，请检查 OPENAI_BASE_URL"
    if isinstance(exc, json.JSONDecodeError | ValueError):
        return "模型返回的内容格式不对"
    return f"{type(exc).__name__}"
