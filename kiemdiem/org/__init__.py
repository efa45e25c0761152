"""Organisations (with validity dates and successors), collectives, people, positions, party membership."""
