-- P(X <= k) for X Poisson of mean m, in log space (see poisson_upper_tail): below the mean the terms from k down
-- over 40 + 12 sqrt(mean) of them, otherwise 1 minus the terms above k.
CREATE OR REPLACE MACRO poisson_lower_tail(k, mean) AS (
    case
        when k is null or mean is null then null
        when k < 0 then 0.0
        when mean <= 0 then 1.0
        when k < mean then least(1.0, list_sum(list_transform(
            range(greatest(0, cast(k - 40 - 12 * sqrt(mean) as bigint)), cast(k + 1 as bigint)),
            lambda i: exp(poisson_log_pmf(i, mean)))))
        else greatest(0.0, 1.0 - list_sum(list_transform(
            range(cast(k + 1 as bigint), cast(k + 41 + 12 * sqrt(mean) as bigint)),
            lambda i: exp(poisson_log_pmf(i, mean)))))
    end
);
