-- Call-back windows written before they had a day and a zone: the day they were asked (UTC), so a
-- month-old request reads as passed on its own day, not "today". Requests without any time stay
-- "any time" (no window).
UPDATE call_request_details SET
  window_zone = 'UTC',
  window_date = (created_at AT TIME ZONE 'UTC')::date,
  window_starts_at = ((created_at AT TIME ZONE 'UTC')::date + make_interval(mins => coalesce(window_start_minutes, 0))) AT TIME ZONE 'UTC',
  window_ends_at = ((created_at AT TIME ZONE 'UTC')::date + make_interval(mins => CASE
    WHEN window_end_minutes > coalesce(window_start_minutes, 0) THEN window_end_minutes ELSE 1440 END)) AT TIME ZONE 'UTC'
WHERE window_date IS NULL AND (time_from IS NOT NULL OR time_to IS NOT NULL);
