"""The rules engine and the check kinds."""
