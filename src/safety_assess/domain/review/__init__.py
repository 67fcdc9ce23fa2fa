"""The School Safety Advisory Group's review of a campus plan, the responses to it, and the board's decision."""
