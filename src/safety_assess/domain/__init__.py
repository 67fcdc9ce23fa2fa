"""Plain-Python domain: checklists, assessments and their rules. No Qt, no SQLAlchemy."""
