"""The cycle workbook (sổ kiểm điểm): one Excel file per review cycle, read, rated and reported.

Pure (no Django). Modules: :mod:`~kiemdiem.workbook.schema` (sheets, Vietnamese headers, code
tables), :mod:`~kiemdiem.workbook.reader` (``read_workbook`` → ``CycleBook`` or ``WorkbookError``
naming sheet, row and column), :mod:`~kiemdiem.workbook.template` (``write_workbook``),
:mod:`~kiemdiem.workbook.subjects` (subjects and relations), :mod:`~kiemdiem.workbook.rating`
(``run_review``, the one adapter to the rules and constraints), :mod:`~kiemdiem.workbook.outcome`
(per-subject lines and items to decide), :mod:`~kiemdiem.workbook.results` (results workbook),
:mod:`~kiemdiem.workbook.summary` (terminal summary), :mod:`~kiemdiem.workbook.flow` (``prepare``:
all of it for ``kiemdiem review``). See docs/workbook.md.
"""
