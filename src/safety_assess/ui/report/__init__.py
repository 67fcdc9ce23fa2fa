"""Exporting the action-plan report from the app: options, export in the background, preview."""
