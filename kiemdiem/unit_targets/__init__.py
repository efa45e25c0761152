"""Stored targets (chỉ tiêu) of units by year; the pure logic lives in ``kiemdiem.targets``."""
