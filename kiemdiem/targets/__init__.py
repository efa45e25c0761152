"""Pure target (chỉ tiêu) classification, facts for the rules engine and Vietnamese wording (no Django)."""
