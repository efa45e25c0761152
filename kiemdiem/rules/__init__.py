"""Pure rules engine and rulebooks (no Django): see docs/rules.md."""
