"""Allow ``python -m safety_assess``."""

import sys

from safety_assess.cli.main import main

sys.exit(main())
