"""The walkthrough's view of an assessment: slots to answer, visibility, progress, navigation and review."""
