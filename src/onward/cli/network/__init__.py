"""Network commands: `onward contacts …` and `onward outreach …`."""
