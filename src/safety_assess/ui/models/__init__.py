"""Thin Qt item models, one per view, each over plain domain records."""
