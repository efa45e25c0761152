"""Cross-subject constraints of a review cycle: order graph, caps, quotas and the cycle runner.

Pure Python + polars (no Django). Depends only on :mod:`kiemdiem.rules.levels` and
:mod:`kiemdiem.rules.reasons`; the per-subject engine is injected (:data:`Engine`). See
docs/constraints.md for shapes, parameters and citations.
"""

from kiemdiem.rules.constraints.cycle import (
    Conflict,
    CycleResult,
    Engine,
    EngineError,
    EngineResult,
    SubjectOutcome,
    rate_cycle,
    voted_level,
)
from kiemdiem.rules.constraints.order import OrderCycleError, order_layers
from kiemdiem.rules.constraints.parameters import ConstraintParams, ParamsError, load_params
from kiemdiem.rules.constraints.quotas import (
    QuotaException,
    QuotaGroup,
    QuotaInputError,
    QuotaReport,
    quota_frame,
    quota_report,
)
from kiemdiem.rules.constraints.resolution import QuotaResolution, QuotaResolutionError, apply_quota_resolution
from kiemdiem.rules.constraints.subjects import RULEBOOK_CODES, Subject, SubjectError, validate_subjects

__all__ = [
    "RULEBOOK_CODES",
    "Conflict",
    "ConstraintParams",
    "CycleResult",
    "Engine",
    "EngineError",
    "EngineResult",
    "OrderCycleError",
    "ParamsError",
    "QuotaException",
    "QuotaGroup",
    "QuotaInputError",
    "QuotaReport",
    "QuotaResolution",
    "QuotaResolutionError",
    "Subject",
    "SubjectError",
    "SubjectOutcome",
    "apply_quota_resolution",
    "load_params",
    "order_layers",
    "quota_frame",
    "quota_report",
    "rate_cycle",
    "validate_subjects",
    "voted_level",
]
