"""Network pages: contacts, interactions, outreach, follow-ups, duplicates, and files in and out."""
