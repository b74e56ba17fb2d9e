"""Mail commands: `onward mail import|imap|hours|requests|accept|dismiss|done|me`."""
