"""Allow ``python -m safety_assess``."""

import sys

from safety_assess.launcher import main

sys.exit(main())
