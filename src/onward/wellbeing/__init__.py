"""Well-being: a 20-second daily check-in, the CBI and WHO-5 with their published scoring, trends, a low point."""
