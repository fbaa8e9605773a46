-- P(X >= k) for X Poisson of mean m, in log space: DuckDB has no Poisson distribution function. Above the mean the
-- tail is summed directly from k over 40 + 12 sqrt(mean) terms (each term is at most mean / (i + 1) of the one
-- before, so what is left out is below 1e-30 of the sum): a tail of 1e-12 keeps its digits instead of vanishing in
-- 1 - (a sum close to 1). At or below the mean, 1 minus the sum of the terms under k (the same window below k).
CREATE OR REPLACE MACRO poisson_upper_tail(k, mean) AS (
    case
        when k is null or mean is null then null
        when k <= 0 then 1.0
        when mean <= 0 then 0.0
        when k > mean then least(1.0, list_sum(list_transform(
            range(cast(k as bigint), cast(k + 40 + 12 * sqrt(mean) as bigint)),
            lambda i: exp(poisson_log_pmf(i, mean)))))
        else greatest(0.0, 1.0 - list_sum(list_transform(
            range(greatest(0, cast(k - 40 - 12 * sqrt(mean) as bigint)), cast(k as bigint)),
            lambda i: exp(poisson_log_pmf(i, mean)))))
    end
);
