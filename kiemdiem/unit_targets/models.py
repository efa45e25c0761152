"""Models of unit_targets."""
