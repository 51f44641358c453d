-- The full-text index takes new entries directly rather than in a pending list
-- (`fastupdate`). With a pending list, each document was appended cheaply, but once the list
-- passed `gin_pending_list_limit` the inserting indexer merged all of it into the tree in one
-- go, and until then every search scanned the whole list. Measured on the inbox benchmark
-- (5,000 received posts per run, indexed as they arrive): 1,053-1,508 activities/s with the
-- pending list, 1,535-1,601/s without it, and the run-to-run spread gone.
ALTER INDEX search_documents_tsv SET (fastupdate = off);
