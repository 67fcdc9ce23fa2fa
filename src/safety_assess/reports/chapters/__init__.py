"""The chapters of the action-plan report, each a list of flowables built from the report content."""
