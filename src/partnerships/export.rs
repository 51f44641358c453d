//! Open-data exports of organisations and partnerships (CSV, JSON, GeoJSON).
