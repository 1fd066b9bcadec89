package io.demodeck.review.optimizer;

/**
 * The FSRS-6 forward pass of fsrs-rs's training model in double precision, with the derivatives of stability,
 * difficulty and the predicted recall with respect to all 21 parameters carried along (forward-mode differentiation:
 * 21 tangents per state, written out formula by formula). Clamps pass no gradient where they bite, as in burn's
 * autodiff; {@code min} passes it to the branch it selects.
 *
 * <p>Not thread-safe: holds scratch arrays. One instance per fitting thread.
 */
public final class Gradients {

    static final int N = 21;
    private static final double S_MIN = 0.001;
    private static final double S_MAX = 36500;
    private static final double LN_09 = Math.log(0.9);

    private final double[] dS = new double[N];
    private final double[] dD = new double[N];
    private final double[] dR = new double[N];
    private final double[] dNewS = new double[N];
    private final double[] dNewD = new double[N];
    private final double[] dG = new double[N];

    /** The predicted probability of recall of the item's last review. */
    public double predict(double[] w, TrainingItem item) {
        double decay = -w[20];
        double factor = Math.pow(0.9, 1 / decay) - 1;
        double s = 0;
        double d = 0;
        int last = item.length() - 1;
        for (int i = 0; i < last; i++) {
            int g = item.rating(i);
            if (i == 0) {
                s = clamp(w[g - 1], S_MIN, S_MAX);
                d = clamp(w[4] - Math.exp(w[5] * (g - 1)) + 1, 1, 10);
                continue;
            }
            int t = item.delta(i);
            double newS;
            if (t == 0) {
                double sinc = Math.exp(w[17] * (g - 3 + w[18])) * Math.pow(s, -w[19]);
                if (g >= 2 && sinc < 1) {
                    sinc = 1;
                }
                newS = s * sinc;
            } else {
                double r = Math.pow(1 + factor * t / s, decay);
                if (g == 1) {
                    double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp(w[14] * (1 - r));
                    double cap = s / Math.exp(w[17] * w[18]);
                    newS = cap < longTerm ? cap : longTerm;
                } else {
                    double bonus = g == 2 ? w[15] : g == 4 ? w[16] : 1;
                    newS = s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp(w[10] * (1 - r)) - 1) * bonus);
                }
            }
            double damped = d + -w[6] * (g - 3) * (10 - d) / 9;
            double target = w[4] - Math.exp(3 * w[5]) + 1;
            d = clamp(w[7] * target + (1 - w[7]) * damped, 1, 10);
            s = clamp(newS, S_MIN, S_MAX);
        }
        return Math.pow(1 + factor * item.currentDelta() / s, decay);
    }

    /**
     * Adds {@code weight · dBCE/dw} of this item to {@code grad} and returns the item's weighted binary cross-entropy.
     */
    public double lossAndGradient(double[] w, TrainingItem item, double weight, double[] grad) {
        double decay = -w[20];
        double base = Math.pow(0.9, 1 / decay);
        double factor = base - 1;
        // d factor / d w20 = d factor / d decay · (-1)
        double dFactorDw20 = base * LN_09 / (decay * decay);
        double expW8 = Math.exp(w[8]);
        double s = 0;
        double d = 0;
        int last = item.length() - 1;
        for (int i = 0; i < last; i++) {
            int g = item.rating(i);
            if (i == 0) {
                java.util.Arrays.fill(dS, 0);
                java.util.Arrays.fill(dD, 0);
                s = w[g - 1];
                if (s < S_MIN || s > S_MAX) {
                    s = clamp(s, S_MIN, S_MAX);
                } else {
                    dS[g - 1] = 1;
                }
                double e = Math.exp(w[5] * (g - 1));
                d = w[4] - e + 1;
                if (d < 1 || d > 10) {
                    d = clamp(d, 1, 10);
                } else {
                    dD[4] = 1;
                    dD[5] = -(g - 1) * e;
                }
                continue;
            }
            int t = item.delta(i);
            double newS;
            if (t == 0) {
                double sPow = Math.pow(s, -w[19]);
                double e17 = Math.exp(w[17] * (g - 3 + w[18]));
                double sinc = e17 * sPow;
                if (g >= 2 && sinc < 1) {
                    newS = s;
                    System.arraycopy(dS, 0, dNewS, 0, N);
                } else {
                    newS = s * sinc;
                    // d(s·sinc) = sinc·ds + s·dsinc, dsinc/ds = -w19·sinc/s
                    double perS = sinc + s * (-w[19] * sinc / s);
                    for (int k = 0; k < N; k++) {
                        dNewS[k] = perS * dS[k];
                    }
                    dNewS[17] += newS * (g - 3 + w[18]);
                    dNewS[18] += newS * w[17];
                    dNewS[19] += -newS * Math.log(s);
                }
            } else {
                double x = 1 + factor * t / s;
                double r = Math.pow(x, decay);
                // dR = dR/ds · ds + dR/dw20
                double dRds = r * decay * (-factor * t / (s * s)) / x;
                double dRdw20 = r * (-Math.log(x) + decay * (t / s) * dFactorDw20 / x);
                for (int k = 0; k < N; k++) {
                    dR[k] = dRds * dS[k];
                }
                dR[20] += dRdw20;
                if (g == 1) {
                    double dPow = Math.pow(d, -w[12]);
                    double sp = Math.pow(s + 1, w[13]);
                    double ex = Math.exp(w[14] * (1 - r));
                    double longTerm = w[11] * dPow * (sp - 1) * ex;
                    double capDivisor = Math.exp(w[17] * w[18]);
                    double cap = s / capDivisor;
                    if (cap < longTerm) {
                        newS = cap;
                        for (int k = 0; k < N; k++) {
                            dNewS[k] = dS[k] / capDivisor;
                        }
                        dNewS[17] += -cap * w[18];
                        dNewS[18] += -cap * w[17];
                    } else {
                        newS = longTerm;
                        double perD = longTerm * (-w[12]) / d;
                        double perS = w[11] * dPow * w[13] * Math.pow(s + 1, w[13] - 1) * ex;
                        double perR = longTerm * (-w[14]);
                        for (int k = 0; k < N; k++) {
                            dNewS[k] = perD * dD[k] + perS * dS[k] + perR * dR[k];
                        }
                        dNewS[11] += longTerm / w[11];
                        dNewS[12] += -longTerm * Math.log(d);
                        dNewS[13] += w[11] * dPow * sp * Math.log(s + 1) * ex;
                        dNewS[14] += longTerm * (1 - r);
                    }
                } else {
                    double bonus = g == 2 ? w[15] : g == 4 ? w[16] : 1;
                    double sPow = Math.pow(s, -w[9]);
                    double ex = Math.exp(w[10] * (1 - r));
                    double growth = expW8 * (11 - d) * sPow * (ex - 1);
                    newS = s * (1 + growth * bonus);
                    // dG = ∂G/∂d·dd + ∂G/∂s·ds + ∂G/∂R·dR + explicit w8, w9, w10
                    double perD = -expW8 * sPow * (ex - 1);
                    double perS = growth * (-w[9]) / s;
                    double perR = expW8 * (11 - d) * sPow * ex * (-w[10]);
                    for (int k = 0; k < N; k++) {
                        dG[k] = perD * dD[k] + perS * dS[k] + perR * dR[k];
                    }
                    dG[8] += growth;
                    dG[9] += -growth * Math.log(s);
                    dG[10] += expW8 * (11 - d) * sPow * ex * (1 - r);
                    double grow = 1 + growth * bonus;
                    for (int k = 0; k < N; k++) {
                        dNewS[k] = grow * dS[k] + s * bonus * dG[k];
                    }
                    if (g == 2) {
                        dNewS[15] += s * growth;
                    } else if (g == 4) {
                        dNewS[16] += s * growth;
                    }
                }
            }
            // difficulty: linear damping, then mean reversion towards the unclamped D0(Easy), then clamp
            double delta = -w[6] * (g - 3);
            double damped = d + delta * (10 - d) / 9;
            double e3 = Math.exp(3 * w[5]);
            double target = w[4] - e3 + 1;
            double newD = w[7] * target + (1 - w[7]) * damped;
            if (newD < 1 || newD > 10) {
                newD = clamp(newD, 1, 10);
                java.util.Arrays.fill(dNewD, 0);
            } else {
                double perD = (1 - w[7]) * (1 - delta / 9);
                for (int k = 0; k < N; k++) {
                    dNewD[k] = perD * dD[k];
                }
                dNewD[6] += (1 - w[7]) * (-(g - 3)) * (10 - d) / 9;
                dNewD[7] += target - damped;
                dNewD[4] += w[7];
                dNewD[5] += w[7] * (-3 * e3);
            }
            if (newS < S_MIN || newS > S_MAX) {
                newS = clamp(newS, S_MIN, S_MAX);
                java.util.Arrays.fill(dS, 0);
            } else {
                System.arraycopy(dNewS, 0, dS, 0, N);
            }
            System.arraycopy(dNewD, 0, dD, 0, N);
            s = newS;
            d = newD;
        }
        int t = item.currentDelta();
        double x = 1 + factor * t / s;
        double r = Math.pow(x, decay);
        double dRds = r * decay * (-factor * t / (s * s)) / x;
        double dRdw20 = r * (-Math.log(x) + decay * (t / s) * dFactorDw20 / x);
        int y = item.label();
        double loss = -weight * (y == 1 ? Math.log(r) : Math.log(1 - r));
        double dLossDr = -weight * (y == 1 ? 1 / r : -1 / (1 - r));
        for (int k = 0; k < N; k++) {
            grad[k] += dLossDr * dRds * dS[k];
        }
        grad[20] += dLossDr * dRdw20;
        return loss;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
