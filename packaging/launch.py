"""The packaged app's entry point: the same as ``safety-assess`` (the app, or a command when one is given)."""

import sys

from safety_assess.launcher import main

if __name__ == "__main__":
    sys.exit(main())
