"""kiemdiem — kiểm điểm, đánh giá, xếp loại chất lượng tập thể và cá nhân.

Packages (dependencies point downwards only):

- ``kiemdiem.rules``    pure rules engine and rulebooks (no Django)
- ``kiemdiem.targets``  pure target (chỉ tiêu) classification and wording (no Django)
- ``kiemdiem.org``      Django app: organisations, collectives, people, positions
- ``kiemdiem.reviews``  Django app: review cycles and subject reviews
- ``kiemdiem.unit_targets`` Django app: stored targets of units by year
- ``kiemdiem.documents`` Django app: official documents (DOCX, XLSX, PDF)
- ``kiemdiem.web``      Django app: pages
- ``kiemdiem.cli``      the ``kiemdiem`` console entry point
"""

__version__ = "0.1.0"
