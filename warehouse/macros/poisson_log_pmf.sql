-- The natural logarithm of the Poisson probability P(X = i) for a mean m > 0: i ln(m) - m - ln(i!),
-- with ln(i!) = lgamma(i + 1), so that it stays finite for counts in the thousands.
CREATE OR REPLACE MACRO poisson_log_pmf(i, mean) AS (
    i * ln(mean) - mean - lgamma(i + 1)
);
