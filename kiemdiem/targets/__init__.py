"""Pure target (chỉ tiêu) classification, facts for the rules engine and Vietnamese wording (no Django).

Public surface (import from here): :class:`Target`, :class:`YearFigures`, :class:`Direction`,
:class:`Assigner`, :class:`BasicKind`, :class:`Status`, :class:`TargetSettings`, :func:`classify`,
:func:`classify_all`, :func:`subject_facts`, :func:`data_checks`, :func:`results_paragraph`,
:func:`read_target_sheet`; charts live in :mod:`kiemdiem.targets.charts` (imports matplotlib).
"""

from kiemdiem.targets.checks import DataCheck, data_checks
from kiemdiem.targets.facts import NoJudgedTargetsError, subject_facts
from kiemdiem.targets.history import Change, Rank, change, rank
from kiemdiem.targets.model import Assigner, BasicKind, Direction, Target, YearFigures
from kiemdiem.targets.paragraph import results_paragraph
from kiemdiem.targets.sheet import Problem, SheetError, TargetSheet, read_target_sheet
from kiemdiem.targets.status import Status, TargetResult, TargetSettings, classify, classify_all

__all__ = [
    "Assigner",
    "BasicKind",
    "Change",
    "DataCheck",
    "Direction",
    "NoJudgedTargetsError",
    "Problem",
    "Rank",
    "SheetError",
    "Status",
    "Target",
    "TargetResult",
    "TargetSettings",
    "TargetSheet",
    "YearFigures",
    "change",
    "classify",
    "classify_all",
    "data_checks",
    "rank",
    "read_target_sheet",
    "results_paragraph",
    "subject_facts",
]
