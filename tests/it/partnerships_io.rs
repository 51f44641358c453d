//! Import and export of partnership lists (written next).
