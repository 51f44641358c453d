//! Integration tests of one instance, served for real on a loopback port with a database of
//! its own. One binary with modules, to link once.

mod accounts;
mod actors;
mod common;
mod db;
mod delivery_queue;
mod duplicates;
<<<<<<< HEAD
mod languages;
=======
mod event_pages;
>>>>>>> c99d22c (Events' public side: iCalendar feeds (network, theme, organisation, event), the calendar page, the event box and join box on an event's page, events on the home page and profiles)
mod open_data;
mod pages;
mod partnerships_io;
mod posts;
mod reactions;
mod remote_actors;
mod search;
mod showcase;
mod stored_words;
