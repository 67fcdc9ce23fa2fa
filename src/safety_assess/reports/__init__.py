"""Reports: the action-plan PDF (full and public versions) and the CSV of actions. Qt-free."""
