SELECT vintage, layout, communes, is_target, target_chosen_by
FROM geography.vintage
ORDER BY vintage;
