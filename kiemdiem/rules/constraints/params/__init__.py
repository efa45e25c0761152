"""Parameter files of the cross-subject constraints (``constraints.yaml``), read by
:mod:`kiemdiem.rules.constraints.parameters`. A package so that the YAML ships with the code."""
