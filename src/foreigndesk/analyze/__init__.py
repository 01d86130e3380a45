"""Analyses over the store: timeline, event dedup, relations index, echoes, reuse, figures."""
