"""The spot checks window: a campus's recurring checks, due and overdue, set up, started and stopped."""
