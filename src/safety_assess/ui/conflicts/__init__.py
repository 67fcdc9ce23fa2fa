"""The side-by-side view of an assessment's merge conflicts."""
