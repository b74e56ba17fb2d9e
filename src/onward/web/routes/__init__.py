"""Route modules; each may define NAV (a NavItem) to appear in the main menu."""
