-- ./sitrep import-batch matches a Spark archive run's articles to documents by their address, one article at a
-- time: without an index each lookup would read every document.
CREATE INDEX ix_intel_documents_url ON intel_documents (url);
