"""File > Checklists…: the checklists in use, checking, adding and exporting checklist files."""
