"""The site-plan window of a campus: its plans, what is drawn on them, and what the cameras see."""
