"""Widgets and view helpers shared by the windows; no feature folder's own widget lives here."""
