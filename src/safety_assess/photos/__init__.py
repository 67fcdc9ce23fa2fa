"""Photo evidence without Qt: reading images safely, their metadata, the content-addressed store, renditions."""
