"""Use cases shared by the CLI and the UI, on top of the domain and storage. Never imports Qt."""
