"""Mail: when the person sends mail (after hours, week by week) and what received mail asks of them."""
