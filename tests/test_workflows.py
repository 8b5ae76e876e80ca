"""The GitHub workflows are a safe place for strangers' pull requests: least privilege, pinned actions, bounded runs."""

import re

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
WRITES = {"pages", "id-token", "contents", "pull-requests", "actions", "checks", "deployments", "issues", "packages",
          "statuses", "security-events"}


def jobs(path):
    """Return the workflow's jobs by name."""
    return yaml.safe_load(path.read_text())["jobs"]


def test_there_are_workflows_to_check():
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_sha_with_its_release_named(path):
    lines = [line.strip() for line in path.read_text().splitlines() if re.match(r"\s*(-\s*)?uses:", line)]
    assert lines
    for line in lines:
        action, _, comment = line.split("uses:", 1)[1].strip().partition("#")
        assert PINNED.match(action.strip()), line
        assert re.fullmatch(r" ?v\d+\.\d+\.\d+", comment.rstrip()), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_time_limit_and_its_own_permissions(path):
    for name, job in jobs(path).items():
        assert isinstance(job.get("timeout-minutes"), int), name
        assert "permissions" in job, name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_a_job_that_may_write_runs_no_project_code(path):
    for name, job in jobs(path).items():
        writes = {scope for scope, level in job["permissions"].items() if level == "write"}
        assert writes <= WRITES
        if writes:
            assert all("run" not in step and "checkout" not in step.get("uses", "") for step in job["steps"]), name


def test_the_pull_request_workflow_reads_only_and_cancels_superseded_runs():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert all(job["permissions"] == {"contents": "read"} for job in workflow["jobs"].values())


def test_dependabot_updates_actions_pip_and_npm():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text())
    assert sorted(u["package-ecosystem"] for u in config["updates"]) == ["github-actions", "npm", "pip"]
