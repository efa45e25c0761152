import sys

from kiemdiem.cli import main

sys.exit(main())
