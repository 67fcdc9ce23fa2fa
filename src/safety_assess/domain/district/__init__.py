"""The district's view of every campus: each assessment's headline figures, campuses ranked by risk, totals."""
