"""Models of org."""
