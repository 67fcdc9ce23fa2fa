"""The ``safety-assess`` command line: headless, scriptable, one-line errors."""
