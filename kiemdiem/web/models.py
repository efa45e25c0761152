"""Models of web."""
