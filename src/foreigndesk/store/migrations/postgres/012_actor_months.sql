-- Mirrors ../012_actor_months.sql (and adds the table's data_version trigger).
CREATE TABLE IF NOT EXISTS actor_months (
  actor TEXT NOT NULL,
  month TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (actor, month)
);
INSERT INTO actor_months(actor, month, n)
SELECT k, m, count(*) FROM (
  SELECT id, source_country AS k, coalesce(substr(date, 1, 7), '') AS m FROM events
   WHERE origin = 'gdelt'
  UNION SELECT id, target_country, coalesce(substr(date, 1, 7), '') FROM events
   WHERE origin = 'gdelt'
  UNION SELECT id, substr(source_code, 1, 3), coalesce(substr(date, 1, 7), '') FROM events
   WHERE origin = 'gdelt'
  UNION SELECT id, substr(target_code, 1, 3), coalesce(substr(date, 1, 7), '') FROM events
   WHERE origin = 'gdelt'
) AS keyed WHERE k IS NOT NULL AND k != '' GROUP BY k, m;
CREATE TRIGGER actor_months_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON actor_months FOR EACH STATEMENT EXECUTE FUNCTION fd_bump_data_version();
