from hubapp.cli import main

raise SystemExit(main())
