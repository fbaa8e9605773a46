SELECT source, declared_vintage, detected_vintage, detected_share, vintage_used, chosen_by, target_vintage
FROM geography.source_vintage
ORDER BY source;
