"""The GitHub workflow runs what .ci/run runs; pre-commit runs validate, mypy and ruff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW: dict[Any, Any] = yaml.safe_load((REPO / ".github" / "workflows" / "ci.yml").read_text())
PRE_COMMIT: dict[str, Any] = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())


def ci_run_test_command() -> str:
    lines = (REPO / ".ci" / "run").read_text().splitlines()
    [command] = [line for line in lines if line.startswith("python3 -m venv")]
    return command


def steps() -> list[dict[str, Any]]:
    [job] = WORKFLOW["jobs"].values()
    return job["steps"]


def run_lines() -> list[str]:
    return [line.strip() for step in steps() for line in step.get("run", "").splitlines()]


def test_runs_on_push_and_pull_request() -> None:
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"push", "pull_request"}


def test_one_ubuntu_job_on_python_311_checking_out_only_this_repository() -> None:
    [job] = WORKFLOW["jobs"].values()
    assert job["runs-on"].startswith("ubuntu-")
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert [u.split("@")[0] for u in uses] == ["actions/checkout", "actions/setup-python"]
    checkout = steps()[0]
    assert "with" not in checkout  # no other repository, no submodules
    [setup] = [step for step in steps() if step.get("uses", "").startswith("actions/setup-py")]
    assert str(setup["with"]["python-version"]) == "3.11"


def test_runs_exactly_the_test_command_of_ci_run() -> None:
    assert ci_run_test_command() in run_lines()


def test_then_validates_the_knowledge_base_and_lints() -> None:
    lines = run_lines()
    test = lines.index(ci_run_test_command())
    assert lines.index(".venv/bin/sanctuary-bot validate") > test
    assert lines.index(".venv/bin/ruff check .") > test
    assert lines.index(".venv/bin/ruff format --check .") > test


def test_then_type_checks_like_ci_run() -> None:
    lines = run_lines()
    ci_run = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    for command in (".venv/bin/mypy", ".venv/bin/mypy tests/telegram/tg_engine.py"):
        assert command in ci_run
        assert lines.index(command) > lines.index(ci_run_test_command())


def hooks() -> dict[str, dict[str, Any]]:
    return {
        hook["id"]: hook | {"repo": repo["repo"]}
        for repo in PRE_COMMIT["repos"]
        for hook in repo["hooks"]
    }


def test_pre_commit_validates_knowledge_edits() -> None:
    validate = hooks()["sanctuary-bot-validate"]
    assert validate["repo"] == "local"
    assert validate["entry"] == "sanctuary-bot validate"
    assert validate["files"] == "^knowledge/"
    assert validate["pass_filenames"] is False


def test_pre_commit_runs_ruff_and_ruff_format() -> None:
    all_hooks = hooks()
    assert all_hooks["ruff"]["repo"] == "https://github.com/astral-sh/ruff-pre-commit"
    assert all_hooks["ruff-format"]["repo"] == "https://github.com/astral-sh/ruff-pre-commit"


def test_pre_commit_type_checks_with_the_projects_mypy() -> None:
    mypy = hooks()["mypy"]
    assert mypy["repo"] == "local"
    assert mypy["entry"] == ".venv/bin/mypy"
    assert mypy["language"] == "system"
    assert mypy["pass_filenames"] is False
