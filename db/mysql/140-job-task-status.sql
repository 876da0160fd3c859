-- Unfinished tasks by status: the tasks' watchdog sweeps them every minute, and a start counts its job's running ones.
CREATE INDEX ix_task_status ON openc3_job_task (status, jobuuid);
