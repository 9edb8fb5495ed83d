import jStat from 'jstat';
import { inverse, Matrix, QrDecomposition } from 'ml-matrix';

/**
 * Ordinary least squares and its Newey–West (HAC) covariance. Linear algebra is ml-matrix;
 * Student-t quantiles are jstat. Only what those libraries lack is written here: the HAC
 * sandwich and the lag rule.
 */

export interface OlsFit {
  beta: number[];
  fitted: number[];
  residuals: number[];
  n: number;
  k: number;
  /** (X'X)⁻¹ */
  xtxInv: number[][];
}

export class RankDeficientError extends Error {}

/**
 * Least-squares fit of y on the columns of X (rows are observations), by QR decomposition.
 *
 * @throws RankDeficientError when the columns are linearly dependent or n ≤ k
 * @example fitOls([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).beta // → [1, 2]
 */
export function fitOls(X: number[][], y: number[]): OlsFit {
  const n = X.length;
  const k = X[0]?.length ?? 0;
  if (n <= k) throw new RankDeficientError(`${n} observation(s) for ${k} coefficient(s)`);
  const Xm = new Matrix(X);
  const qr = new QrDecomposition(Xm);
  const R = qr.upperTriangularMatrix;
  const diag = Array.from({ length: k }, (_, i) => Math.abs(R.get(i, i)));
  const scale = Math.max(...diag);
  if (!(scale > 0) || diag.some((d) => d <= scale * 1e-10)) throw new RankDeficientError('the design matrix is rank-deficient (some terms cannot be told apart with these data)');
  const beta = qr.solve(Matrix.columnVector(y)).getColumn(0);
  const fitted = Xm.mmul(Matrix.columnVector(beta)).getColumn(0);
  const residuals = y.map((v, i) => v - fitted[i]!);
  const xtxInv = inverse(Xm.transpose().mmul(Xm)).to2DArray();
  return { beta, fitted, residuals, n, k, xtxInv };
}

/**
 * The lag rule: L = ⌊4·(n/100)^(2/9)⌋ (Newey and West 1994, the usual plug-in rule for the
 * Bartlett kernel). n = 24 → 2, 60 → 3, 120 → 4.
 */
export function neweyWestLag(n: number): number {
  return Math.floor(4 * Math.pow(n / 100, 2 / 9));
}

/**
 * Newey–West covariance of OLS coefficients:
 * V = n/(n−k) · (X'X)⁻¹ [ Σ_t e_t² x_t x_t' + Σ_{l=1..L} w_l Σ_t e_t e_{t−l} (x_t x_{t−l}' + x_{t−l} x_t') ] (X'X)⁻¹,
 * with Bartlett weights w_l = 1 − l/(L+1). Observations must be equally spaced in time.
 */
export function hacCovariance(X: number[][], fit: OlsFit, lag: number): number[][] {
  const { n, k, residuals: e } = fit;
  const S = Matrix.zeros(k, k);
  const rows = X.map((r) => Matrix.columnVector(r));
  for (let t = 0; t < n; t++) S.add(rows[t]!.mmul(rows[t]!.transpose()).mul(e[t]! * e[t]!));
  for (let l = 1; l <= lag; l++) {
    const w = 1 - l / (lag + 1);
    for (let t = l; t < n; t++) {
      const cross = rows[t]!.mmul(rows[t - l]!.transpose());
      S.add(cross.add(cross.transpose()).mul(w * e[t]! * e[t - l]!));
    }
  }
  const B = new Matrix(fit.xtxInv);
  return B.mmul(S).mmul(B).mul(n / (n - k)).to2DArray();
}

/** Variance of a linear combination c'β. */
export function quadForm(c: number[], V: number[][]): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) for (let j = 0; j < c.length; j++) s += c[i]! * V[i]![j]! * c[j]!;
  return s;
}

/** Two-sided Student-t critical value, e.g. tCritical(0.95, 10) ≈ 2.228. */
export function tCritical(level: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - level) / 2, df);
}

/** Two-sided p-value of a t statistic. */
export function tPValue(t: number, df: number): number {
  return 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
}

/** Lag-1 autocorrelation of residuals (a diagnostic printed with the fit). */
export function lag1Autocorrelation(e: number[]): number | null {
  if (e.length < 3) return null;
  const m = e.reduce((a, b) => a + b, 0) / e.length;
  let num = 0;
  let den = 0;
  for (let t = 0; t < e.length; t++) {
    den += (e[t]! - m) ** 2;
    if (t > 0) num += (e[t]! - m) * (e[t - 1]! - m);
  }
  return den === 0 ? null : num / den;
}
