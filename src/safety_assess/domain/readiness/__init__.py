"""Readiness over time: the drill log and the drills a school year requires (spot checks and targets come later)."""
