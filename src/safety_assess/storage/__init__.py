"""Persistence on SQLAlchemy 2 (SQLite by default). Never imports Qt."""
