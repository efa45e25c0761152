"""One module per instrument set; each exposes ``RULEBOOK`` (a :class:`~kiemdiem.rules.rulebook.Rulebook`)."""
