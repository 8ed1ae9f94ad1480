-- A running import renews its lease after every chunk (heartbeat_at). A job still RUNNING long past
-- its lease was left by an instance that stopped (crash, kill, redeploy): another instance claims it
-- again and resumes after the last chunk whose results were recorded, so an accepted upload is
-- never left unprocessed.
alter table import_job add column heartbeat_at timestamptz;
create index import_job_running on import_job (coalesce(heartbeat_at, started_at)) where status = 'RUNNING';
