-- File blobs are named by SHA-256 and never replaced. Rows stored before have no sha256: their blob is
-- still read under its md5 (the two lengths never share a path), until the name is uploaded again.
ALTER TABLE openc3_job_fileserver ADD COLUMN sha256 TEXT NULL;
CREATE INDEX ix_job_fileserver_sha256 ON openc3_job_fileserver (sha256);
