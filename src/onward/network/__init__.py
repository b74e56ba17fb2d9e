"""Network: the people who can help, a clear ask, and keeping in touch."""
