SELECT audit, description, blocking, offending_rows
FROM quality.audit_result
ORDER BY audit;
