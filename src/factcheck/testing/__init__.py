"""Hypothesis strategies for property-testing rules (needs the test extra)."""
