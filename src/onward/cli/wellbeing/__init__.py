"""Well-being commands: `onward checkin`, `onward survey`, `onward wellbeing trend`."""
