"""The drill log of a campus: its drills, where it stands against the required drills this school year, and a drill's
issue made a finding in one step."""
