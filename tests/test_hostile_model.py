"""Hostile model servers (issue 17): one deadline per section that counts the whole call, a key
that is refused once and clearly, and an answer that never ends cut off cheaply."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.plan.start import new_draft
from drafting.shell.settings import Settings
from drafting.write.base import SectionWriter
from drafting.write.llm import LLMWriter
from drafting.write.pipeline import context_for
from evals.fixtures.fake_model import ModelServer

SECRET = "sk-hostile-DO-NOT-LEAK-77"
FACTS = "全年开展普法宣传28场次\n开展会前学法16次\n受理信访案件43件，办结率100%\n基层普法力量不足"


class Instant(SectionWriter):
    """A fallback that takes no time, so a test measures the model call alone."""

    def write(self, section, ctx, instruction="", emit=None):
        return replace(section, text="离线起草的正文。")


def _writer(tmp_path, url, deadline: float, retries: int = 2, fallback: SectionWriter | None = None) -> LLMWriter:
    env = {"OPENAI_BASE_URL": url, "OPENAI_API_KEY": SECRET, "REPORTDRAFT_MODEL": "scripted",
           "REPORTDRAFT_TIMEOUT": str(deadline), "REPORTDRAFT_RETRIES": str(retries), "REPORTDRAFT_BACKOFF": "0.01"}
    return LLMWriter(Settings.from_env(env=env, data_dir=tmp_path / "data").model_config(), fallback)


def one_section(tmp_path, script: list[str], deadline: float, retries: int = 2):
    """Write the first body section against the scripted server: (seconds taken, section, requests)."""
    with ModelServer(script) as server:
        writer = _writer(tmp_path, server.url, deadline, retries, Instant())
        draft = new_draft(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), FACTS)
        section = next(s for s in draft.sections if s.role != "preamble")
        start = time.perf_counter()
        written = writer.write(section, context_for(draft))
        return time.perf_counter() - start, written, server.model.requests


# -- one deadline per section ---------------------------------------------------------------------

@pytest.mark.timeout(10)  # a regression hangs (the keep-alive server never stops): fail, do not wait
@pytest.mark.parametrize("script", [
    ["silent"] * 5,                 # never answers
    ["ping:0.05"] * 5,              # keep-alive comments: bytes flow, never a token
    ["slow:0.3:status:500", "silent"],  # a retry gets what is left of the deadline, not a fresh one
])
def test_a_section_gives_up_at_its_deadline_whatever_the_server_does(tmp_path, script):
    elapsed, section, _ = one_section(tmp_path, script, deadline=0.5)
    assert elapsed < 0.5 * 1.5, f"{elapsed:.2f}s for a 0.5 s deadline"
    assert "已改用离线起草" in section.flags[0].message and re.search("超时|仍未写完", section.flags[0].message)
    assert section.text == "离线起草的正文。", "the fallback wrote it"


@pytest.mark.slow
@pytest.mark.parametrize("script", [["silent"] * 5, ["drip:2"] * 5, ["drip:0.5"] * 5, ["ping:2"] * 5,
                                    ["slow:2.5:status:500", "silent"]])
def test_the_deadline_measured_against_a_3_second_timeout(tmp_path, script, capsys):
    """A token every 2 s, never finishing (the red-team server), among others: 3 s, not 4 or 6."""
    elapsed, section, _ = one_section(tmp_path, script, deadline=3.0)
    with capsys.disabled():
        print(f"\n{script[0]:>10}: gave up after {elapsed:.2f} s for a 3 s deadline ({elapsed / 3:.2f}×)")
    assert 3.0 <= elapsed < 3.3 and "已改用离线起草" in section.flags[0].message


# -- a refused key --------------------------------------------------------------------------------

@pytest.mark.parametrize("status, message", [("401", "密钥被拒绝（401），请检查 OPENAI_API_KEY"),
                                             ("403", "密钥无权使用这个模型（403）")])
def test_a_refused_key_is_asked_once_and_said_clearly(tmp_path, caplog, status, message):
    with ModelServer([f"status:{status}"] * 50) as server:
        writer = _writer(tmp_path, server.url, deadline=5, retries=2)
        meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
        draft = draft_report(meta, FACTS, writer=writer, concurrency=1)
    body = [s for s in draft.sections if s.role != "preamble"]
    assert len(server.model.requests) == 1, "no retry, and no other section asks again"
    assert message in body[0].flags[0].message
    assert all("密钥被拒绝，本稿未再调用大模型" in s.flags[0].message for s in body[1:])
    assert draft.tokens.refused == 1 and draft.tokens.fallbacks == len(body)
    assert SECRET not in draft.to_json() and SECRET not in caplog.text


# -- an answer that never ends --------------------------------------------------------------------

@pytest.mark.parametrize("megabytes", [4, 50])
def test_an_answer_of_megabytes_is_cut_off_early_and_cheaply(tmp_path, megabytes):
    elapsed, section, requests = one_section(tmp_path, [f"huge:{megabytes}"] * 3, deadline=10)
    assert elapsed < 1.0, f"{elapsed:.2f}s"
    assert len(requests) == 1 and "回复过长" in section.flags[0].message, "cut at 20,000 characters, not retried"
    assert section.text == "离线起草的正文。", "the fallback's text, not megabytes of model output"
    asked = requests[0]
    assert asked["max_completion_tokens"] == 2000 and asked["max_tokens"] == 2000, "the limit under both names"
