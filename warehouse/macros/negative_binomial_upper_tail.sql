-- P(X >= k) for X negative binomial of mean m and size r, in log space like poisson_upper_tail. The terms are summed
-- from k over a window of 60 + 15 standard deviations + 70 (r + m) / r terms: above the mode each term is at most
-- (i + r) / (i + 1) * m / (r + m) of the one before, which tends to m / (r + m), so the window leaves out less than
-- e^-70 of the sum even for a small size. At or below the mean, 1 minus the terms under k (the same window).
CREATE OR REPLACE MACRO negative_binomial_upper_tail(k, mean, size) AS (
    case
        when k is null or mean is null or size is null then null
        when k <= 0 then 1.0
        when mean <= 0 then 0.0
        when k > mean then least(1.0, list_sum(list_transform(
            range(cast(k as bigint),
                  cast(k + 60 + 15 * sqrt(mean + mean * mean / size) + 70 * (size + mean) / size as bigint)),
            lambda i: exp(negative_binomial_log_pmf(i, mean, size)))))
        else greatest(0.0, 1.0 - list_sum(list_transform(
            range(greatest(0, cast(k - 60 - 15 * sqrt(mean + mean * mean / size) - 70 * (size + mean) / size
                                   as bigint)), cast(k as bigint)),
            lambda i: exp(negative_binomial_log_pmf(i, mean, size)))))
    end
);
