"""Risk (likelihood x severity, in bands) and compliance scores, from an assessment's answers. Plain Python."""
