"""matplotlib Figure builders (never pyplot), shared by the GUI and reports; no Qt."""
