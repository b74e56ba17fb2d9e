"""Route modules: the foundation's pages, and each domain's as its record in onward.domains names them."""
