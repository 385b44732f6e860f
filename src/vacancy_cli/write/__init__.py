"""Writers: Call records -> JSON, JSON Lines, CSV, table, calendar, JSON-LD."""
