"""The district view: every campus at a glance, its assessments over time, and the district's action plan."""
