"""One call to the chat model: how to reach it (ModelConfig; langchain-openai's ChatOpenAI through our
deadline client), one streamed attempt held to the section's deadline and a size limit, retried by
one policy (LangChain's `with_retry`; the client itself never retries, 401/403 are not retried),
and every failure said as a ModelFault that carries no key and no URL."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .base import DraftCancelled, DraftContext, Emit
from .tidy import tidy
from .tokens import count_tokens


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


class StreamedChat:
    """The model as the writer calls it: `complete` streams one answer (tidied of chat and
    Markdown), retried, and counts its calls and tokens on the draft's usage."""

    def __init__(self, config: ModelConfig) -> None:
        from langchain_core.runnables import RunnableLambda

        self.config = config
        self.chat = chat_model(config)
        self._attempt = RunnableLambda(self._stream_once).with_retry(
            retry_if_exception_type=_transient, stop_after_attempt=config.retries + 1,
            # tenacity calls the first wait 'multiplier' (LangChain's type still says 'initial')
            exponential_jitter_params={"multiplier": config.backoff,  # type: ignore[typeddict-unknown-key]
                                       "max": config.backoff * 8, "jitter": 0})

    def complete(self, messages: list, emit: Emit | None, ctx: DraftContext, deadline: float,
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
