"""Safety Assess: on-site school facility safety assessments."""

__version__ = "0.1.0"
