"""tiktoken counts offline: its vocabulary comes from the quicktok package, nothing is downloaded."""

from __future__ import annotations

import subprocess
import sys

import pytest

from drafting.write.prompts import PromptVariableError, render, variables
from drafting.write.tokens import count_tokens, ensure_tiktoken_cache, trim_to_budget


def test_tiktoken_loads_from_our_cache_without_any_download(tmp_path):
    code = f"""
import tiktoken.load
def refuse(*a, **k):
    raise AssertionError("tiktoken tried to download")
tiktoken.load.read_file = refuse
from pathlib import Path
from drafting.write.tokens import count_tokens
print(count_tokens("全年开展普法宣传28场次", Path({str(tmp_path / 'cache')!r})))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HTTPS_PROXY": "http://127.0.0.1:9"})
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 5


def test_the_vocabulary_we_write_is_the_real_cl100k(tmp_path):
    """tiktoken itself checks the file's hash when it loads it; the token ids below are cl100k's own,
    so a wrong or reordered vocabulary cannot pass."""
    import tiktoken.load

    path = ensure_tiktoken_cache(tmp_path)
    ranks = tiktoken.load.load_tiktoken_bpe(str(path), expected_hash=None)
    assert len(ranks) == 100256
    assert ranks[b"hello"] == 15339 and ranks[b" world"] == 1917


def test_examples_are_trimmed_to_the_budget(tmp_path):
    texts = ["普法宣传工作取得实效。" * 40, "第二段。" * 100]
    kept = trim_to_budget(texts, 200, tmp_path)
    assert sum(count_tokens(t, tmp_path) for t in kept) <= 200 and kept


def test_prompts_name_a_missing_variable():
    assert {"facts", "examples", "heading"} <= variables("section")
    with pytest.raises(PromptVariableError, match="facts"):
        render("repair", problems="x", text="y")
