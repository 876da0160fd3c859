-- Per tree node status of the job module (`active|inactive`); a node without a row is active.
CREATE TABLE openc3_job_project (
    id        INTEGER PRIMARY KEY,
    status    TEXT NOT NULL,
    edit_user TEXT NOT NULL,
    edit_time TEXT NOT NULL
);
