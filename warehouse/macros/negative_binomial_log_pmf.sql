-- The natural logarithm of the negative binomial probability P(X = i) of mean m > 0 and size r > 0 (variance
-- m + m^2 / r): lgamma(i + r) - lgamma(r) - lgamma(i + 1) + r ln(r / (r + m)) + i ln(m / (r + m)).
CREATE OR REPLACE MACRO negative_binomial_log_pmf(i, mean, size) AS (
    lgamma(i + size) - lgamma(size) - lgamma(i + 1) + size * ln(size / (size + mean)) + i * ln(mean / (size + mean))
);
