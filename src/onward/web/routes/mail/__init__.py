"""Mail pages: the overview and import (/mail), after hours (/mail/hours), requests (/mail/requests) and one
message (/mail/messages/{id})."""
