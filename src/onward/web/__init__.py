"""The web app: thin adapters from HTTP to the domain services."""
