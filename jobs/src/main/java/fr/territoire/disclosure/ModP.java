package fr.territoire.disclosure;

/**
 * Arithmetic modulo the Mersenne prime 2^61 − 1, the audit's own exact field for Gaussian
 * elimination: no rounding, no overflow.
 */
final class ModP {

	static final long P = (1L << 61) - 1;

	private ModP() {
	}

	static long add(long a, long b) {
		long sum = a + b;
		return (sum >= P) ? sum - P : sum;
	}

	static long sub(long a, long b) {
		long difference = a - b;
		return (difference < 0) ? difference + P : difference;
	}

	static long mul(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long low = a * b;
		long reduced = (low & P) + ((low >>> 61) | (high << 3));
		return (reduced >= P) ? reduced - P : reduced;
	}

	static long inverse(long a) {
		long result = 1;
		long base = a;
		long exponent = P - 2;
		while (exponent > 0) {
			if ((exponent & 1) == 1) {
				result = mul(result, base);
			}
			base = mul(base, base);
			exponent >>= 1;
		}
		return result;
	}

	/** A coefficient of a relation (+1 or −1) in the field. */
	static long of(int coefficient) {
		return (coefficient >= 0) ? coefficient : P + coefficient;
	}

}
