ALTER INDEX search_documents_tsv RESET (fastupdate);
