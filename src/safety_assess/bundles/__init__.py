"""Sync bundles: signed, verifiable export of assessments and a safe, idempotent import. Qt-free."""
