"""The command line: `onward …`, thin over the domain services."""
