"""Every case file passes: the published cases (../shared/domain/cases) and ours (tests/cases),
each case a test, and both folders through ``kiemdiem rate-case``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiemdiem.cli import main
from kiemdiem.rules.cases import load_cases, run_cases

OWN_CASES = Path(__file__).resolve().parent.parent / "cases"
SHARED_CASES = Path(__file__).resolve().parents[2].parent / "shared" / "domain" / "cases"


def _ids(folder: Path) -> list[str]:
    return [f"{Path(c.file).stem}-{c.index}" for c in load_cases(folder)] if folder.is_dir() else []


@pytest.mark.parametrize("case_id", _ids(SHARED_CASES))
def test_published_case_passes(shared_domain, case_id):
    # given
    stem, index = case_id.rsplit("-", 1)
    case = next(c for c in load_cases(shared_domain / "cases") if Path(c.file).stem == stem and c.index == int(index))

    # when
    outcome = run_cases([case])[0]

    # then
    assert outcome.check == "pass", (case.name, outcome.failures, outcome.result)


@pytest.mark.parametrize("case_id", _ids(OWN_CASES))
def test_own_case_passes(case_id):
    # given
    stem, index = case_id.rsplit("-", 1)
    case = next(c for c in load_cases(OWN_CASES) if Path(c.file).stem == stem and c.index == int(index))

    # when
    outcome = run_cases([case])[0]

    # then
    assert outcome.check == "pass", (case.name, outcome.failures, outcome.result)


@pytest.mark.parametrize("folder", ["shared", "own"])
def test_rate_case_command_passes_every_case(shared_domain, capsys, folder):
    # given
    path = shared_domain / "cases" if folder == "shared" else OWN_CASES

    # when
    status = main(["rate-case", str(path), "--json"])

    # then
    out = json.loads(capsys.readouterr().out)
    assert status == 0
    assert len(out) == len(load_cases(path))
    assert {o["check"] for o in out} == {"pass"}
