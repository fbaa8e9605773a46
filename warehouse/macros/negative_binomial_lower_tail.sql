-- P(X <= k) for X negative binomial of mean m and size r, in log space (see negative_binomial_upper_tail): below the
-- mean the terms from k down over the same window, otherwise 1 minus the terms above k.
CREATE OR REPLACE MACRO negative_binomial_lower_tail(k, mean, size) AS (
    case
        when k is null or mean is null or size is null then null
        when k < 0 then 0.0
        when mean <= 0 then 1.0
        when k < mean then least(1.0, list_sum(list_transform(
            range(greatest(0, cast(k - 60 - 15 * sqrt(mean + mean * mean / size) - 70 * (size + mean) / size
                                   as bigint)), cast(k + 1 as bigint)),
            lambda i: exp(negative_binomial_log_pmf(i, mean, size)))))
        else greatest(0.0, 1.0 - list_sum(list_transform(
            range(cast(k + 1 as bigint),
                  cast(k + 61 + 15 * sqrt(mean + mean * mean / size) + 70 * (size + mean) / size as bigint)),
            lambda i: exp(negative_binomial_log_pmf(i, mean, size)))))
    end
);
