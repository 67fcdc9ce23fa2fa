"""The walkthrough window: answer a campus checklist fast, keyboard first, every answer saved as it is given."""
