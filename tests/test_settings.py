"""One settings object: each setting from its environment variable or its one default, a wrong value
named with the variable and the default, and the model's settings handed on as they are."""

from __future__ import annotations

import pytest

from drafting.errors import ConfigError
from drafting.shell.settings import Settings


def test_unset_or_empty_is_the_default_and_a_set_variable_wins(tmp_path):
    plain = Settings.from_env(env={"REPORTDRAFT_HOST": "  "}, data_dir=tmp_path)
    assert (plain.chroma_port, plain.model, plain.timeout) == (8000, "deepseek-chat", 60.0)
    assert plain.concurrency == 4
    assert (plain.host, plain.max_upload_mb) == ("127.0.0.1", 20)
    env = {"CHROMA_PORT": "9000", "REPORTDRAFT_TIMEOUT": "5", "REPORTDRAFT_MODEL": " qwen ",
           "REPORTDRAFT_CONCURRENCY": "0", "REPORTDRAFT_CORPUS": "~/reports"}
    told = Settings.from_env(env=env, data_dir=tmp_path)
    assert (told.chroma_port, told.timeout, told.model, told.concurrency) == (9000, 5.0, "qwen", 1)
    assert not str(told.corpus_dir).startswith("~"), "a path is expanded"


def test_the_model_gets_the_settings_as_they_are(tmp_path):
    settings = Settings.from_env(env={"OPENAI_BASE_URL": "http://127.0.0.1:1/v1", "REPORTDRAFT_RETRIES": "0"},
                                 data_dir=tmp_path)
    config = settings.model_config()
    assert (config.base_url, config.retries, config.deadline, config.temperature, config.backoff) == \
        ("http://127.0.0.1:1/v1", 0, 60.0, 0.3, 0.5)


@pytest.mark.parametrize("name, raw, says", [
    ("REPORTDRAFT_PORT", "80a", "REPORTDRAFT_PORT='80a' 不是整数，请改为数字（默认 7860）"),
    ("REPORTDRAFT_TEMPERATURE", "hot", "REPORTDRAFT_TEMPERATURE='hot' 不是数字，请改正（默认 0.3）"),
])
def test_a_wrong_number_names_the_variable_and_its_default(tmp_path, name, raw, says):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env={name: raw}, data_dir=tmp_path)
    assert says in str(caught.value)
