"""The LLM writer against a real chat-completions server on 127.0.0.1: what the user gets when
the model behaves, invents, drops a qualifier, names another county, stalls, fails or cuts off."""

from __future__ import annotations

import json
import logging

import pytest

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.review import run_checks
from drafting.shell.settings import Settings
from drafting.write.llm import LLMWriter
from evals.fixtures.fake_model import ModelServer

from .conftest import free_port

FACTS = """全年开展普法宣传28场次，发放宣传资料8万余册
开展会前学法16次
受理信访案件43件，办结率100%
党组书记、主席带头讲授法治专题党课1次
基层普法力量不足"""
SECRET = "sk-test-DO-NOT-LEAK-4242"


def _writer(tmp_path, url, concurrency=4, **env) -> LLMWriter:
    """A writer for the scripted server: short deadline, near-zero backoff (tests never sleep long)."""
    values = {"OPENAI_BASE_URL": url, "OPENAI_API_KEY": SECRET, "REPORTDRAFT_MODEL": "scripted-model",
              "REPORTDRAFT_TIMEOUT": "3", "REPORTDRAFT_RETRIES": "1", "REPORTDRAFT_BACKOFF": "0.01", **env}
    writer = LLMWriter(Settings.from_env(env=values, data_dir=tmp_path / "data").model_config())
    writer.concurrency = int(values.get("REPORTDRAFT_CONCURRENCY", concurrency))
    return writer


def _draft(seed_index, writer):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    return draft_report(meta, FACTS, index=seed_index, writer=writer, concurrency=writer.concurrency)


def _body(draft):
    return [s for s in draft.sections if s.role != "preamble"]


def test_a_good_model_writes_every_section_and_the_checks_pass(seed_index, tmp_path):
    with ModelServer() as server:
        writer = _writer(tmp_path, server.url)
        draft = _draft(seed_index, writer)
    assert draft.meta.backend == "scripted-model"
    assert all(r.passed for r in run_checks(draft)), [f.message for r in run_checks(draft) for f in r.findings]
    assert all(not s.flags for s in draft.sections)
    assert draft.tokens.prompt_tokens > 0 and draft.tokens.completion_tokens > 0
    first = server.model.requests[0]
    assert first["stream"] is True and first["model"] == "scripted-model"
    assert "只使用“本部分事实”中给出的数字" in first["messages"][0]["content"]
    assert "【范例1·引用开始】" in first["messages"][1]["content"], "examples from the index are in the prompt, quoted"


@pytest.mark.parametrize("script", [["invent"], ["drop_qualifier"] * 2, ["foreign"]])
def test_a_bad_answer_is_repaired_before_anyone_sees_it(seed_index, tmp_path, script):
    with ModelServer(script) as server:
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1"))
    repair = next(r for r in server.model.requests if "没有通过核对" in r["messages"][-1]["content"])
    assert repair["messages"][-2]["role"] == "assistant"
    assert all(r.passed for r in run_checks(draft))
    assert not any(s.flags for s in draft.sections), [(s.heading, s.flags) for s in draft.sections]


def test_a_model_that_keeps_inventing_is_never_shown_and_its_attempt_is_kept_flagged(seed_index, tmp_path):
    with ModelServer(["invent"] * 60) as server:
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1"))
    flagged = [s for s in _body(draft) if s.flags]
    assert flagged and all("60人" in s.flags[0].message and "显示的是离线起草稿" in s.flags[0].message for s in flagged)
    assert all("60人" in s.attempt and "60人" not in s.text for s in flagged)
    assert next(r for r in run_checks(draft) if r.name == "figure_accuracy").passed


@pytest.mark.parametrize("script", [["status:429:1"], ["status:500"], ["cut"], ["empty"], ["garbage"]])
def test_transient_faults_are_retried_and_the_answer_is_used(seed_index, tmp_path, script):
    with ModelServer(script) as server:
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1"))
    assert not any(s.flags for s in draft.sections), [(s.heading, s.flags) for s in draft.sections]
    assert all(r.passed for r in run_checks(draft))
    assert len(server.model.requests) >= len(_body(draft)) + 1


def test_a_model_that_keeps_failing_falls_back_to_offline_flagged(seed_index, tmp_path, caplog):
    with ModelServer(["status:500"] * 100) as server:
        with caplog.at_level(logging.WARNING):
            draft = _draft(seed_index, _writer(tmp_path, server.url))
    assert all(s.text for s in draft.sections), "a draft is always delivered"
    assert all("已改用离线起草" in s.flags[0].message for s in _body(draft))
    assert "500" in _body(draft)[0].flags[0].message
    assert draft.tokens.fallbacks == len(_body(draft))
    _no_secret(draft, caplog)


def test_a_hanging_model_times_out_and_falls_back(seed_index, tmp_path, caplog):
    with ModelServer(["hang"] * 100) as server:
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_TIMEOUT="0.5", REPORTDRAFT_RETRIES="0"))
    assert all("超时" in s.flags[0].message for s in _body(draft))
    _no_secret(draft, caplog)


def test_connection_refused_falls_back_with_a_clear_reason(seed_index, tmp_path, caplog):
    port = free_port()
    draft = _draft(seed_index, _writer(tmp_path, f"http://127.0.0.1:{port}/v1", REPORTDRAFT_RETRIES="0"))
    assert all("无法连接" in s.flags[0].message for s in _body(draft))
    _no_secret(draft, caplog)


def test_sections_stream_text_as_it_arrives(seed_index, tmp_path):
    events = []
    with ModelServer() as server:
        meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
        draft_report(meta, FACTS, index=seed_index, writer=_writer(tmp_path, server.url), on_event=events.append)
    texts = [e for e in events if e.kind == "text"]
    by_section = {}
    for e in texts:
        by_section.setdefault(e.section_id, []).append(e.text)
    assert any(len(v) > 2 for v in by_section.values()), "several pieces per section"
    assert all(v == sorted(v, key=len) for v in by_section.values()), "each piece extends the last"


def test_regenerate_with_an_instruction_sends_the_revision_prompt(seed_index, tmp_path):
    from drafting.write.pipeline import regenerate_section

    with ModelServer() as server:
        writer = _writer(tmp_path, server.url)
        draft = _draft(seed_index, writer)
        target = next(s for s in draft.sections if s.role == "measures")
        regenerate_section(draft, target.id, writer, seed_index, instruction="更简练")
    last = server.model.requests[-1]["messages"][-1]["content"]
    assert "修改要求：更简练" in last and target.text[:20] in last


def test_the_key_is_not_in_settings_repr():
    settings = Settings.from_env(env={"OPENAI_API_KEY": SECRET})
    assert SECRET not in repr(settings)


def _no_secret(draft, caplog):
    assert SECRET not in draft.to_json()
    assert SECRET not in caplog.text
    flags = [[f.to_dict() for f in s.flags] for s in draft.sections]
    assert SECRET not in json.dumps(flags, ensure_ascii=False)


def test_the_index_can_embed_with_the_configured_endpoint(tmp_path):
    from drafting.shell.services import open_index

    with ModelServer() as server:
        settings = Settings.from_env(env={"OPENAI_BASE_URL": server.url, "REPORTDRAFT_EMBEDDINGS": "openai",
                                          "REPORTDRAFT_EMBEDDING_MODEL": "bge-m3"}, data_dir=tmp_path / "data")
        index = open_index(settings)
        results = index.search("信访 案件 办结率", k=3)
    assert results and len(index.documents()) == 5
    embedding_calls = [r for r in server.model.requests if "input" in r]
    assert embedding_calls and embedding_calls[0]["model"] == "bge-m3"


def test_cli_says_which_backend_writes_and_what_it_spent(seed_index, tmp_path, data_dir, capsys, monkeypatch):
    from drafting.shell.cli import main

    facts = tmp_path / "facts.txt"
    facts.write_text(FACTS, encoding="utf-8")
    with ModelServer() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        monkeypatch.setenv("REPORTDRAFT_MODEL", "scripted-model")
        code = main(["draft", "--facts", str(facts), "--type", "fazhi", "--org", "青川县妇女联合会", "--year", "2024",
                     "--out", str(tmp_path / "d.json")])
    err = capsys.readouterr().err
    assert code == 0 and "使用大模型 scripted-model" in err and "用量：提示" in err
