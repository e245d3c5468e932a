"""The LLM writer: any OpenAI-compatible chat model writes a section from the facts and the
retrieved examples, through langchain-openai's ChatOpenAI (streaming, usage metadata). The answer is
tidied (chat and Markdown removed), its rewritten figures put back, then checked and sent back for
repair up to twice. An answer that still holds a wrong figure, another federation's name or prompt
residue is never shown: the offline text is, flagged, and the answer is kept in Section.attempt.

One retry policy (LangChain's `with_retry` around one streamed attempt; the client itself never
retries) and one deadline per section that counts the whole call, streaming included. 401/403
are not retried. The API key is never put into a message, a flag or a log line.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafting.domain.findings import Finding
from drafting.domain.meta import period_end
from drafting.domain.types import Section
from drafting.domain.wording import fill
from lexicon.roles import Role

from .base import DraftCancelled, DraftContext, Emit, SectionWriter
from .borrow import examples, to_source
from .briefing import prompt_profile, quoted_examples, section_plan
from .figure_repair import repair_figures
from .items import fact_clause
from .offline import OfflineComposer
from .prompts import render
from .tidy import tidy, visible
from .tokens import count_tokens, trim_to_budget
from .validate import answer_problems, check_section, model_failed, model_rejected

log = logging.getLogger("reportdraft.llm")
EXAMPLE_BUDGET = 1200
REPAIR_ROUNDS = 2


@dataclass(frozen=True)
class ModelConfig:
    """How to reach the model; built by the shell's Settings (Settings.model_config), where each
    setting's default is written."""

    model: str
    cache_dir: Path
    """Where tiktoken's vocabulary is kept (offline token counts)."""
    base_url: str
    api_key: str = field(repr=False)
    temperature: float
    deadline: float
    """Seconds one section may take, every attempt and every streamed token included."""
    retries: int
    backoff: float
    """First wait before a retry, in seconds; doubles each time (tests set it near zero)."""
    max_tokens: int = 2000
    max_chars: int = 20_000
    """A streamed answer longer than this is cut off: no section of a report is that long."""


def chat_model(config: ModelConfig):
    """ChatOpenAI for the configured endpoint: our deadline client, no retries of its own."""
    from langchain_openai import ChatOpenAI

    from .deadline import whole_call_client

    return ChatOpenAI(model=config.model, base_url=config.base_url or None,
                      api_key=config.api_key or "not-needed", temperature=config.temperature,
                      timeout=config.deadline, max_retries=0, stream_usage=True,
                      max_tokens=config.max_tokens, http_client=whole_call_client(),
                      # ChatOpenAI sends the limit as max_completion_tokens; servers that
                      # only know max_tokens (DeepSeek, Ollama, vLLM) get it by that name too.
                      extra_body={"max_tokens": config.max_tokens} if config.base_url else None)


class ModelFault(Exception):
    """The model could not give a usable answer; the message is safe to show (no key, no URL)."""

    retriable = True


class KeyRefused(ModelFault):
    """401/403: retrying cannot help."""

    retriable = False


class LLMWriter(SectionWriter):
    name = "llm"

    def __init__(self, config: ModelConfig, fallback: SectionWriter | None = None) -> None:
        from langchain_core.runnables import RunnableLambda

        self.config = config
        self.label = config.model
        self.fallback = fallback or OfflineComposer()
        self.chat = chat_model(config)
        self._attempt = RunnableLambda(self._stream_once).with_retry(
            retry_if_exception_type=_transient, stop_after_attempt=config.retries + 1,
            # tenacity calls the first wait 'multiplier' (LangChain's type still says 'initial')
            exponential_jitter_params={"multiplier": config.backoff, "max": config.backoff * 8,  # type: ignore[typeddict-unknown-key]
                                       "jitter": 0})

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
            text, problems = self._checked(self._complete(messages, emit, ctx, deadline, section.heading),
                                           section, facts, ctx)
            best = (text, problems)
            for _ in range(REPAIR_ROUNDS):
                if not problems:
                    break
                messages += [("ai", text), ("human", render("repair", facts=self._facts(facts), text=text,
                                                            problems="\n".join(f"- {p.message}" for p in problems)))]
                text, problems = self._checked(self._complete(messages, emit, ctx, deadline, section.heading),
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

    # -- one completion, streamed, retried ------------------------------------------------
    def _complete(self, messages: list, emit: Emit | None, ctx: DraftContext, deadline: float,
                  heading: str = "") -> str:
        try:
            text, usage = self._attempt.invoke({"messages": messages, "emit": emit, "ctx": ctx, "deadline": deadline,
                                                "heading": heading})
        except (ModelFault, DraftCancelled):
            raise
        except Exception as exc:  # openai/httpx errors after the last retry
            raise ModelFault(describe(exc)) from None
        prompt = usage.get("input_tokens") or sum(count_tokens(m[1], self.config.cache_dir) for m in messages)
        completion = usage.get("output_tokens") or count_tokens(text, self.config.cache_dir)
        ctx.spend(calls=1, prompt_tokens=prompt, completion_tokens=completion)
        return text

    def _stream_once(self, request: dict) -> tuple[str, dict]:
        """One attempt: stream the answer, give up at the deadline, refuse an unfinished answer."""
        ctx, emit, deadline = request["ctx"], request["emit"], request["deadline"]
        pieces: list[str] = []
        size, usage, finished = 0, {}, False
        ctx.check_cancelled()
        remaining = deadline - time.monotonic()
        if remaining <= 0:  # a retry after the backoff would start past the deadline
            raise _final(ModelFault(f"超过 {self.config.deadline:g} 秒仍未写完"))
        # The client's timeout is what is left of the section's deadline, not a fresh one.
        stream = self.chat.stream(request["messages"], timeout=remaining)
        try:
            for chunk in stream:
                ctx.check_cancelled()  # the browser left: stop reading; closing the stream closes the connection
                if time.monotonic() > deadline:
                    raise _final(ModelFault(f"超过 {self.config.deadline:g} 秒仍未写完"))
                if chunk.usage_metadata:
                    usage = dict(chunk.usage_metadata)
                if chunk.response_metadata.get("finish_reason"):
                    finished = True
                if isinstance(chunk.content, str) and chunk.content:
                    pieces.append(chunk.content)
                    size += len(chunk.content)
                    if size > self.config.max_chars:  # also what keeps re-joining for emit() cheap
                        raise _final(ModelFault("回复过长，已截断"))
                    if emit:
                        emit("".join(pieces))
        except DraftCancelled:
            raise
        except ModelFault:
            ctx.spend(failures=1)
            raise
        except Exception as exc:
            ctx.spend(failures=1)
            if time.monotonic() > deadline:  # whatever broke (a cut SSE line…), the time was up
                raise _final(ModelFault(f"请求超时（{self.config.deadline:g} 秒内未写完）")) from None
            fault = _classify(exc)
            if isinstance(fault, KeyRefused):
                ctx.refuse_key()
            raise fault from None
        finally:
            stream.close()
        text = tidy("".join(pieces), request.get("heading", ""))
        if not finished:
            ctx.spend(failures=1)
            raise ModelFault("回复中途断开")
        if not text:
            ctx.spend(failures=1)
            raise ModelFault("模型返回了空内容")
        if emit:
            emit(text)
        return text, usage


def _weight(problems: list[Finding]) -> tuple[int, int]:
    """How bad an answer is: blocking problems first, then all of them."""
    return sum(p.blocking for p in problems), len(problems)


def _transient(exc: BaseException) -> bool:
    """Retry what may pass (timeouts, 429, 5xx, cut or empty answers), not a refused key."""
    return isinstance(exc, ModelFault) and exc.retriable


def _final(fault: ModelFault) -> ModelFault:
    """A fault after which no retry is made (the deadline has passed)."""
    fault.retriable = False
    return fault


def _classify(exc: Exception) -> ModelFault:
    import openai

    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return KeyRefused(describe(exc))
    if isinstance(exc, openai.BadRequestError):
        return _final(ModelFault(describe(exc)))
    return ModelFault(describe(exc))


def describe(exc: Exception) -> str:
    """A short, key-free reason for a model failure."""
    import openai

    if isinstance(exc, openai.APITimeoutError | TimeoutError):  # TimeoutError: deadline.py
        return "请求超时"
    if isinstance(exc, openai.RateLimitError):
        return "请求过于频繁（429）"
    if isinstance(exc, openai.AuthenticationError):
        return "密钥被拒绝（401），请检查 OPENAI_API_KEY"
    if isinstance(exc, openai.PermissionDeniedError):
        return "密钥无权使用这个模型（403），请检查 OPENAI_API_KEY 和 REPORTDRAFT_MODEL"
    if isinstance(exc, openai.APIStatusError):
        return f"服务返回错误 {exc.status_code}"
    if isinstance(exc, openai.APIConnectionError):
        return "无法连接模型服务，请检查 OPENAI_BASE_URL"
    if isinstance(exc, ValueError):
        return "模型返回的内容格式不对"
    return f"{type(exc).__name__}"
