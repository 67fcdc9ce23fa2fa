"""Campus site and floor plans: markers, cameras, walls, zones, what the cameras see, and responder maps."""
